#!/usr/bin/env bash
# Set up and run the tests: installs the project with its dev tools into a virtual environment
# (.venv unless VENV is set), then runs the linter and the whole test suite.
# Extra arguments go to pytest, e.g. scripts/test.sh -m "not slow" for the quick tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${VENV:-.venv}"
scripts/bootstrap.sh "$venv" dev
"$venv/bin/ruff" check .
"$venv/bin/mypy"
"$venv/bin/python" -m pytest -q "$@"
