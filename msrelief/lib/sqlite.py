"""SQLite set up for a web server's concurrent requests, and a database file only its owner
can read (it holds health data).

* WAL journal: readers no longer wait for a writer, and a writer no longer waits for readers.
* ``BEGIN IMMEDIATE`` for every transaction: a transaction takes the write lock when it starts,
  so two requests that read and then write queue up on the busy timeout instead of one failing
  with "database is locked" half-way through.
* A busy timeout: how long a connection waits for the lock before giving up.
* Mode 0600 for the database file. SQLite gives its ``-wal`` and ``-shm`` files the mode of the
  database file, so creating that file with 0600 before the first connection covers all three.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SQLITE_ENGINE = "django.db.backends.sqlite3"
FILE_MODE = 0o600
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")


def connection_options(busy_timeout_seconds: int) -> dict[str, object]:
    """DATABASES OPTIONS for Django's SQLite backend (``init_command`` and
    ``transaction_mode`` are Django 5.1+; ``timeout`` goes to :func:`sqlite3.connect`, which
    sets SQLite's busy timeout from it)."""
    return {
        "init_command": "PRAGMA journal_mode=WAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": busy_timeout_seconds,
    }


def is_file_database(name: str) -> bool:
    """False for SQLite's in-memory databases (the test suite's among them)."""
    return bool(name) and name != ":memory:" and not name.startswith("file:")


def secure_database_file(path: Path) -> None:
    """Create the database file with mode 0600 if it is missing, and take group and other
    permissions away from it and its companion files if an earlier version left them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        try:
            mode = stat.S_IMODE(companion.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            companion.chmod(mode & ~0o077)
