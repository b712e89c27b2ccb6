#!/usr/bin/env bash
# Serves the demo at http://127.0.0.1:8000 with the background worker beside it (it sends the
# outbox's emails, which the console backend prints here). Ctrl-C stops both.
set -euo pipefail
bin=${1:-.venv/bin}
"$bin/msrelief" db_worker --no-startup-delay &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
"$bin/msrelief" runserver 127.0.0.1:8000
