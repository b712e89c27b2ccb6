"""core/planner.py: the planner's statistics after a bulk load or a restore (PostgreSQL only;
SQLite plans without them unless asked)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from msrelief.accounts.models import Clinic


def _columns_with_statistics(table: str) -> int | None:
    """How many of ``table``'s columns PostgreSQL holds statistics for (only ANALYZE gathers
    them); None on SQLite when it has no statistics table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
            return int(cursor.fetchone()[0])
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        return None if cursor.fetchone() is None else 1


def test_loading_the_demo_leaves_postgresql_with_statistics_and_sqlite_as_it_plans(db):
    call_command("load_demo", stdout=StringIO())
    known = _columns_with_statistics("audit_auditevent")
    if connection.vendor == "postgresql":
        assert known
    else:
        assert known is None


@pytest.mark.django_db(transaction=True)
def test_a_restore_leaves_postgresql_with_statistics_and_sqlite_as_it_plans(tmp_path):
    Clinic.objects.create(name="Backed-up Clinic")
    path = tmp_path / "msrelief.backup"
    call_command("backup", str(path), stdout=StringIO())
    call_command("restore", str(path), "--yes", stdout=StringIO())
    known = _columns_with_statistics("accounts_clinic")
    if connection.vendor == "postgresql":
        assert known, "pg_restore brings back no statistics"
    else:
        assert known is None
