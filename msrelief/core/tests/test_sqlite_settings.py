"""SQLite is set up for concurrent requests (WAL journal, BEGIN IMMEDIATE, a busy timeout) in a
database file only its owner can read. Each case runs Django in a fresh interpreter against a
SQLite file in a temporary MSRELIEF_DATA_DIR (the test suite itself uses an in-memory one)."""

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = textwrap.dedent(
    """
    import json, os, sqlite3, stat
    import django
    django.setup()
    from django.db import connection, transaction

    path = connection.settings_dict["NAME"]

    def mode(suffix):
        name = path + suffix
        return oct(stat.S_IMODE(os.stat(name).st_mode)) if os.path.exists(name) else None

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE probe (n INTEGER)")
        cursor.execute("INSERT INTO probe VALUES (1)")
        journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        busy_timeout = cursor.execute("PRAGMA busy_timeout").fetchone()[0]

    # Inside atomic(), before any write, the write lock must already be taken.
    with transaction.atomic():
        connection.cursor().execute("SELECT count(*) FROM probe")
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            second_writer = "got the lock"
        except sqlite3.OperationalError as error:
            second_writer = str(error)
        other.close()

    print(json.dumps({
        "journal_mode": journal_mode,
        "busy_timeout": busy_timeout,
        "second_writer": second_writer,
        "modes": {suffix or "db": mode(suffix) for suffix in ("", "-wal", "-shm")},
    }))
    """
)


def probe(data_dir: Path, **env: str) -> dict:
    environ = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("MSRELIEF_") and name != "DATABASE_URL"
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="msrelief.settings", MSRELIEF_DATA_DIR=str(data_dir), **env
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_database_uses_the_wal_journal(tmp_path):
    assert probe(tmp_path)["journal_mode"] == "wal"


def test_the_busy_timeout_comes_from_its_setting_in_seconds(tmp_path):
    assert probe(tmp_path)["busy_timeout"] == 20_000
    assert probe(tmp_path / "other", MSRELIEF_SQLITE_BUSY_TIMEOUT="3")["busy_timeout"] == 3_000


def test_a_transaction_takes_the_write_lock_when_it_begins(tmp_path):
    assert probe(tmp_path)["second_writer"] == "database is locked"


def test_the_database_and_its_wal_files_are_readable_by_their_owner_only(tmp_path):
    modes = probe(tmp_path)["modes"]
    assert modes == {"db": "0o600", "-wal": "0o600", "-shm": "0o600"}


def test_an_existing_database_readable_by_others_is_narrowed_to_its_owner(tmp_path):
    database = tmp_path / "msrelief.sqlite3"
    database.touch()
    database.chmod(0o644)
    probe(tmp_path)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
