#!/usr/bin/env bash
# Serves the demo at http://127.0.0.1:8000 with the background worker beside it (it sends the
# outbox's emails, which the console backend prints here, and runs the reminder pass). Ctrl-C
# stops both.
# Questionnaire links (on the link page and in emails) are built from MSRELIEF_BASE_URL, so it
# is set to the address served here, unless it is set already.
# DEBUG is off unless MSRELIEF_DEBUG says otherwise, so that the demo shows msrelief's own
# "Page not found" and "You cannot open this page" pages, as a real deployment does; static
# files are still served from the app folders (WhiteNoise), with no collectstatic step.
set -euo pipefail
bin=${1:-.venv/bin}
address=127.0.0.1:8000
export MSRELIEF_DEBUG=${MSRELIEF_DEBUG:-false}
export MSRELIEF_BASE_URL="${MSRELIEF_BASE_URL:-http://$address}"
echo "Serving http://$address (links point at $MSRELIEF_BASE_URL)"
# The worker also runs the reminder pass every 15 minutes (docs/operations.md "Reminders").
"$bin/msrelief" send-reminders --schedule
"$bin/msrelief" db_worker --no-startup-delay &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
"$bin/msrelief" runserver "$address"
