#!/usr/bin/env bash
# Set up and run the assistant on the bundled SSR knowledge: installs into .venv, indexes the
# bundled folder (once; later runs are incremental), then serves the chat page and the web API
# at http://127.0.0.1:8000/ (Ctrl-C stops it). Given a question instead, answers it in the
# terminal.
# Usage: scripts/quickstart.sh            serve the chat page
#        scripts/quickstart.sh "QUESTION" answer one question
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh .venv
.venv/bin/ssr-assistant ingest
echo
if [ "$#" -gt 0 ]; then
  .venv/bin/ssr-assistant ask "$*"
else
  .venv/bin/ssr-assistant serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
fi
