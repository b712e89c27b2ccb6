"""``msrelief restore PATH --yes``: only with --yes, only from a backup of this kind of
database, and one line saying why not."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from msrelief.accounts.models import Clinic

SQLITE_FILE = b"SQLite format 3\x00" + bytes(84)
PG_DUMP_FILE = b"PGDMP\x01\x0e\x00" + bytes(40)


def _write(tmp_path, content, name="other.backup"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.fixture
def backup(tmp_path):
    """A real backup of a database with one clinic, then a second clinic added after it."""
    Clinic.objects.create(name="Backed-up Clinic")
    path = tmp_path / "msrelief.backup"
    call_command("backup", str(path), stdout=StringIO())
    Clinic.objects.create(name="Added Later")
    return path


@pytest.mark.django_db(transaction=True)
def test_without_yes_nothing_is_restored_and_the_message_says_what_would_be_replaced(backup):
    with pytest.raises(CommandError, match=r"restoring replaces every row of .* --yes"):
        call_command("restore", str(backup))
    assert Clinic.objects.filter(name="Added Later").exists()


@pytest.mark.django_db(transaction=True)
def test_with_yes_the_database_is_as_it_was_when_backed_up(backup):
    call_command("restore", str(backup), "--yes", stdout=StringIO())
    assert list(Clinic.objects.values_list("name", flat=True)) == ["Backed-up Clinic"]


@pytest.mark.django_db(transaction=True)
def test_a_restore_empties_the_cache_whose_pages_name_audit_ids_the_trail_will_give_again(
    backup,
):
    cache.set("measures-part:1:1:812.97", "a page of the trail before the restore")
    call_command("restore", str(backup), "--yes", stdout=StringIO())
    assert cache.get("measures-part:1:1:812.97") is None


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_with_one_line_and_the_database_is_kept(backup):
    content = backup.read_bytes()
    damaged = _write(backup.parent, content[: len(content) // 2], "damaged.backup")
    with pytest.raises(CommandError) as error:
        call_command("restore", str(damaged), "--yes")
    assert "\n" not in str(error.value)
    assert Clinic.objects.filter(name="Added Later").exists()


def test_a_missing_file_is_named(db, tmp_path):
    with pytest.raises(CommandError, match=r"nothing.backup: no such file$"):
        call_command("restore", str(tmp_path / "nothing.backup"), "--yes")


def test_a_folder_is_not_a_backup(db, tmp_path):
    with pytest.raises(CommandError, match=r"is a folder, not a backup file$"):
        call_command("restore", str(tmp_path), "--yes")


def test_a_file_that_is_no_backup_at_all_is_refused(db, tmp_path):
    path = _write(tmp_path, b"id,name\n1,Robin\n")
    with pytest.raises(CommandError, match="is not a backup: neither an SQLite database nor a"):
        call_command("restore", str(path), "--yes")


def test_a_backup_of_the_other_kind_of_database_is_refused(db, tmp_path):
    if connection.vendor == "sqlite":
        path, message = _write(tmp_path, PG_DUMP_FILE), "is a PostgreSQL backup .*uses SQLite$"
    else:
        path, message = _write(tmp_path, SQLITE_FILE), "is an SQLite database, but .*PostgreSQL$"
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--yes")


@pytest.mark.django_db(transaction=True)
def test_an_sqlite_database_that_is_not_msreliefs_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "someone-else.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (body text)")
    other.commit()
    other.close()
    expected = "but not an msrelief one" if connection.vendor == "sqlite" else "uses PostgreSQL"
    with pytest.raises(CommandError, match=expected):
        call_command("restore", str(path), "--yes")
