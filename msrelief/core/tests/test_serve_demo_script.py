"""scripts/serve-demo.sh (what `make demo` runs), driven with a stand-in for the msrelief
command that notes the base URL each of its two commands would build links from."""

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "serve-demo.sh"


# Each call writes the base URL it saw to a file named after its subcommand. The worker runs in
# the background and is stopped when runserver returns, so runserver waits for its file first.
STAND_IN = """#!/bin/sh
here=$(dirname "$0")
if [ "$1" = runserver ]; then
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    [ -f "$here/db_worker.out" ] && break
    sleep 0.25
  done
fi
echo "$MSRELIEF_BASE_URL" > "$here/$1.out"
"""


def run_demo(tmp_path, **env):
    stand_in = tmp_path / "msrelief"
    stand_in.write_text(STAND_IN)
    stand_in.chmod(0o755)
    environ = {k: v for k, v in os.environ.items() if k != "MSRELIEF_BASE_URL"} | env
    done = subprocess.run(
        ["bash", str(SCRIPT), str(tmp_path)], env=environ, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return {
        name: (tmp_path / f"{name}.out").read_text().strip() for name in ("runserver", "db_worker")
    }


def test_links_point_at_the_address_the_demo_serves(tmp_path):
    seen = run_demo(tmp_path)
    assert seen == {"runserver": "http://127.0.0.1:8000", "db_worker": "http://127.0.0.1:8000"}


def test_a_base_url_the_user_set_is_kept(tmp_path):
    seen = run_demo(tmp_path, MSRELIEF_BASE_URL="https://clinic.example.org")
    assert seen["runserver"] == seen["db_worker"] == "https://clinic.example.org"
