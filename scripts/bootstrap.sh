#!/usr/bin/env bash
# Create (or reuse) the project's virtual environment and install the project into it.
# Usage: scripts/bootstrap.sh [VENV_DIR] [EXTRAS]   e.g. scripts/bootstrap.sh .venv dev
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-.venv}"
extras="${2:-}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
# The CPU build of torch, pinned and installed first: an unpinned torch (or one pulled in by
# sentence-transformers) resolves to a multi-GB CUDA build.
"$venv/bin/python" -m pip install --quiet "torch==2.13.0"
if [ -n "$extras" ]; then
  "$venv/bin/python" -m pip install --quiet -e ".[$extras]"
else
  "$venv/bin/python" -m pip install --quiet -e .
fi
