#!/usr/bin/env bash
# Set up and run the assistant on the bundled SSR knowledge: installs into .venv, indexes the
# bundled folder (once; later runs are incremental) and answers a question.
# Usage: scripts/quickstart.sh ["YOUR QUESTION"]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh .venv
question="${1:-How much could a small business get from the Productivity Booster?}"
.venv/bin/ssr-assistant ingest
echo
echo "Q: $question"
.venv/bin/ssr-assistant ask "$question"
