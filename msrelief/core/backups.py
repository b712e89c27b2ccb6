"""Backups of the whole database and restores from them (``msrelief backup`` and ``restore``).

* **SQLite**: SQLite's online backup API (``sqlite3.Connection.backup``) copies a consistent
  snapshot while the app keeps running, into a new file of mode 0600 that is then switched out
  of WAL mode (one self-contained file) and checked with ``PRAGMA quick_check``. A restore
  copies a backup back into the configured database with the same API, page by page.
* **PostgreSQL**: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists`` in one
  transaction, with the connection details of ``DATABASES`` passed in libpq's environment
  variables (a password never appears on a command line).

Neither restore updates or deletes a row: SQLite's replaces the database's pages, PostgreSQL's
drops and recreates each table. So the audit trail's append-only triggers (which refuse UPDATE,
DELETE and TRUNCATE) do not stand in the way, and the restored trail is the one backed up.
Every problem is a :class:`BackupError` with a one-line message.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from msrelief.core import planner

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
FILE_MODE = 0o600
# Tables that every msrelief database has: a restore refuses an SQLite file without them.
MSRELIEF_TABLES = frozenset({"django_migrations", "audit_auditevent"})
# DATABASES keys (and OPTIONS) as libpq's environment variables.
LIBPQ = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}


class BackupError(Exception):
    """A backup or restore that cannot be done, said in one line."""


def backup(connection: Any, path: Path) -> None:
    """Write a backup of ``connection``'s database to the new file ``path``."""
    _new_private_file(path)
    try:
        if _vendor(connection) == "sqlite":
            _backup_sqlite(connection, path)
        else:
            _backup_postgresql(connection.settings_dict, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def restore(connection: Any, path: Path) -> None:
    """Replace everything in ``connection``'s database with the backup in ``path``."""
    check_file(connection, path)
    if _vendor(connection) == "sqlite":
        _restore_sqlite(connection, path)
    else:
        connection.close()  # hold no lock on a table that pg_restore drops
        _restore_postgresql(connection.settings_dict, path)
        planner.refresh_statistics(connection)  # pg_restore brings none back


def check_file(connection: Any, path: Path) -> None:
    """Refuse a missing file, a folder, and anything but a backup of this kind of database."""
    if not path.exists():
        raise BackupError(f"{path}: no such file")
    if not path.is_file():
        raise BackupError(f"{path} is a folder, not a backup file")
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    vendor = _vendor(connection)
    if header.startswith(SQLITE_HEADER):
        kind = "sqlite"
    elif header.startswith(PG_DUMP_HEADER):
        kind = "postgresql"
    else:
        raise BackupError(
            f"{path} is not a backup: neither an SQLite database nor a pg_dump archive "
            "(custom format)"
        )
    if kind != vendor:
        named = {"sqlite": "an SQLite database", "postgresql": "a PostgreSQL backup (pg_dump)"}
        uses = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupError(f"{path} is {named[kind]}, but this msrelief uses {uses[vendor]}")


def _vendor(connection: Any) -> str:
    vendor = str(connection.vendor)
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"msrelief backs up SQLite and PostgreSQL databases, not {vendor}")
    return vendor


def _new_private_file(path: Path) -> None:
    """Create ``path``, readable by its owner only; never overwrite."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        raise BackupError(f"{path} exists already: a backup never overwrites a file") from None
    except FileNotFoundError:
        raise BackupError(f"{path}: the folder {path.parent} does not exist") from None
    except OSError as error:
        raise BackupError(f"{path}: {error.strerror}") from None


def _backup_sqlite(connection: Any, path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        (verdict,) = target.execute("PRAGMA quick_check").fetchone()
    finally:
        target.close()
    if verdict != "ok":
        raise BackupError(f"{path}: the copy failed SQLite's check ({verdict})")


def _restore_sqlite(connection: Any, path: Path) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
        if not MSRELIEF_TABLES.issubset(tables):
            raise BackupError(f"{path} is an SQLite database, but not an msrelief one")
        (verdict,) = source.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise BackupError(f"{path} is damaged: {verdict}")
        connection.ensure_connection()
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: {error}") from None
    finally:
        source.close()


def libpq_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """This process's environment plus the database's connection details for libpq."""
    env = dict(os.environ)
    for key, variable in LIBPQ.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for key, variable in LIBPQ_OPTIONS.items():
        if settings_dict.get("OPTIONS", {}).get(key):
            env[variable] = str(settings_dict["OPTIONS"][key])
    return env


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found: install PostgreSQL's client programs, of the server's "
            "version or newer (Debian: apt-get install postgresql-client)"
        )
    return found


def _run(command: list[str], settings_dict: dict[str, Any]) -> None:
    result = subprocess.run(  # noqa: S603 - a fixed program, arguments from settings
        command,
        env=libpq_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        errors = [line for line in lines if "error:" in line]
        raise BackupError((errors or lines or [f"{command[0]} exited {result.returncode}"])[0])


def _backup_postgresql(settings_dict: dict[str, Any], path: Path) -> None:
    pg_dump = _program("pg_dump")
    _run([pg_dump, "--format=custom", f"--file={path}", str(settings_dict["NAME"])], settings_dict)


def _restore_postgresql(settings_dict: dict[str, Any], path: Path) -> None:
    pg_restore = _program("pg_restore")
    options = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
    _run([pg_restore, *options, f"--dbname={settings_dict['NAME']}", str(path)], settings_dict)
