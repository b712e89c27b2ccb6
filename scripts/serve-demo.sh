#!/usr/bin/env bash
# Serves the demo at http://127.0.0.1:8000 with the background worker beside it (it sends the
# outbox's emails, which the console backend prints here). Ctrl-C stops both.
# DEBUG is off unless MSRELIEF_DEBUG says otherwise, so that the demo shows msrelief's own
# "Page not found" and "You cannot open this page" pages, as a real deployment does; static
# files are still served from the app folders (WhiteNoise), with no collectstatic step.
set -euo pipefail
bin=${1:-.venv/bin}
export MSRELIEF_DEBUG=${MSRELIEF_DEBUG:-false}
"$bin/msrelief" db_worker --no-startup-delay &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
"$bin/msrelief" runserver 127.0.0.1:8000
