"""Two processes writing the audit trail at the same moment still leave one unbroken chain:
on PostgreSQL through the advisory lock of chain.take_turn, on SQLite through BEGIN IMMEDIATE.
The writers are real processes on a real database file or server (the SQLite test database
lives in this process's memory, so it is copied to a file first)."""

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from urllib.parse import quote

import pytest
from django.db import connection

from msrelief.audit.models import AuditEvent
from msrelief.core.tests.test_production_refusal import ROOT

EACH = 60
WRITER = textwrap.dedent(
    """
    import pathlib, sys, time
    import django
    django.setup()
    from msrelief.audit import services
    from msrelief.audit.models import Action

    name, ready, go, count = sys.argv[1], *map(pathlib.Path, sys.argv[2:4]), int(sys.argv[4])
    ready.touch()
    while not go.exists():
        time.sleep(0.005)
    for n in range(count):
        services.record(None, Action.VIEW, None, clinic=None, event="auth.login_failed",
                        changes={"email": f"{name}-{n}@example.test"})
    """
)


def _database_url(tmp_path):
    if connection.vendor == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    login = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _environment(tmp_path, url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSRELIEF_")}
    return {**env, "DATABASE_URL": url, "MSRELIEF_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}


def _wait_until(condition, writers, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline or any(w.poll() not in (None, 0) for w in writers):
            raise AssertionError([w.communicate()[1] for w in writers])
        time.sleep(0.01)


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_leave_one_intact_chain(ms_client, tmp_path):
    before = AuditEvent.objects.count()
    env = _environment(tmp_path, _database_url(tmp_path))
    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{name}" for name in ("a", "b")]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(flag), str(go), str(EACH)],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "msrelief.settings"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, flag in zip("ab", ready, strict=True)
    ]
    _wait_until(lambda: all(flag.exists() for flag in ready), writers)
    go.touch()
    _wait_until(lambda: all(w.poll() is not None for w in writers), writers)

    verify = subprocess.run(
        [sys.executable, "-m", "msrelief.cli", "audit", "verify"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert verify.returncode == 0, verify.stderr
    assert verify.stdout.splitlines()[0] == f"OK: {before + 2 * EACH} events, chain intact"
