"""scripts/serve-demo.sh (what `make demo` runs), driven with a stand-in for the msrelief
command that prints what it was asked and the base URL it would build links from."""

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "serve-demo.sh"


def run_demo(tmp_path, **env):
    stand_in = tmp_path / "msrelief"
    stand_in.write_text('#!/bin/sh\necho "$1 $MSRELIEF_BASE_URL"\n')
    stand_in.chmod(0o755)
    environ = {k: v for k, v in os.environ.items() if k != "MSRELIEF_BASE_URL"} | env
    done = subprocess.run(
        ["bash", str(SCRIPT), str(tmp_path)], env=environ, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_links_point_at_the_address_the_demo_serves(tmp_path):
    out = run_demo(tmp_path)
    assert "runserver http://127.0.0.1:8000\n" in out
    assert "db_worker http://127.0.0.1:8000\n" in out


def test_a_base_url_the_user_set_is_kept(tmp_path):
    out = run_demo(tmp_path, MSRELIEF_BASE_URL="https://clinic.example.org")
    assert "runserver https://clinic.example.org\n" in out
