"""``msrelief backup PATH``: a new private file, or one line saying why not."""

import stat
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQL

from msrelief.core import backups

POSTGRES_SETTINGS = {
    "NAME": "clinic",
    "USER": "msrelief",
    "PASSWORD": "s3cret-Pa55",
    "HOST": "db.example.org",
    "PORT": 5433,
    "OPTIONS": {"sslmode": "require"},
}


def _postgresql():
    """A PostgreSQL connection that is never opened: it only carries the settings."""
    return PostgreSQL(dict(POSTGRES_SETTINGS), "backup-test")


@pytest.fixture
def fake_pg_dump(tmp_path, monkeypatch):
    """A pg_dump on PATH that records how it was called, then behaves as told."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "pg_dump"
    monkeypatch.setenv("PATH", str(bin_dir))

    def install(body):
        script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {tmp_path}/argv\n{body}\n")
        script.chmod(0o755)
        return tmp_path / "argv"

    return install


@pytest.mark.django_db(transaction=True)
def test_a_backup_is_a_new_file_that_only_its_owner_can_read(tmp_path):
    path = tmp_path / "msrelief.backup"
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert out.getvalue().startswith(f"Backed up the database to {path} (")
    backups.check_file(connection, path)  # a backup of this kind of database


def test_an_existing_file_is_never_overwritten(db, tmp_path):
    path = tmp_path / "keep.me"
    path.write_text("precious")
    with pytest.raises(CommandError, match=r"keep\.me exists already: a backup never overwrites"):
        call_command("backup", str(path))
    assert path.read_text() == "precious"


def test_a_folder_that_does_not_exist_is_named(db, tmp_path):
    with pytest.raises(CommandError, match=r"the folder .*/missing does not exist$"):
        call_command("backup", str(tmp_path / "missing" / "msrelief.backup"))


def test_without_pg_dump_a_postgresql_backup_says_what_to_install_and_leaves_no_file(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "clinic.dump"
    with pytest.raises(backups.BackupError, match=r"^pg_dump was not found: install PostgreSQL"):
        backups.backup(_postgresql(), path)
    assert not path.exists()


def test_pg_dump_gets_the_password_in_its_environment_never_on_its_command_line(
    tmp_path, fake_pg_dump
):
    argv = fake_pg_dump(f'echo "$PGPASSWORD $PGHOST $PGPORT $PGUSER $PGSSLMODE" > {tmp_path}/env')
    path = tmp_path / "clinic.dump"
    backups.backup(_postgresql(), path)
    assert argv.read_text().splitlines() == ["--format=custom", f"--file={path}", "clinic"]
    env = (tmp_path / "env").read_text().split()
    assert env == ["s3cret-Pa55", "db.example.org", "5433", "msrelief", "require"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failing_pg_dump_is_reported_by_its_error_line_and_leaves_no_file(tmp_path, fake_pg_dump):
    fake_pg_dump(
        "echo 'pg_dump: error: connection to server failed: no route to host' >&2\n"
        "echo 'pg_dump: detail: is the server running?' >&2\nexit 1"
    )
    path = tmp_path / "clinic.dump"
    with pytest.raises(backups.BackupError) as error:
        backups.backup(_postgresql(), path)
    assert str(error.value) == "pg_dump: error: connection to server failed: no route to host"
    assert not path.exists()
