#!/usr/bin/env bash
# Set up and run the assistant on the bundled SSR knowledge: installs into .venv, indexes the
# bundled folder (once; later runs are incremental), then answers your question, or starts a
# conversation in the terminal when you give none.
# Usage: scripts/quickstart.sh ["YOUR QUESTION"]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh .venv
.venv/bin/ssr-assistant ingest
echo
if [ "$#" -gt 0 ]; then
  .venv/bin/ssr-assistant ask "$*"
else
  .venv/bin/ssr-assistant chat
fi
