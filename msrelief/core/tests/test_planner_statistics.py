"""core/planner.py: the planner's statistics after a bulk load (PostgreSQL only)."""

from io import StringIO

from django.core.management import call_command
from django.db import connection


def _audit_rows_the_planner_knows() -> float | None:
    """PostgreSQL's count of the audit trail's rows as its statistics hold it (-1 before the
    table's first ANALYZE); None on SQLite when it has no statistics table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'audit_auditevent'")
            return float(cursor.fetchone()[0])
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        return None if cursor.fetchone() is None else 1.0


def test_loading_the_demo_leaves_postgresql_with_statistics_and_sqlite_as_it_plans(db):
    call_command("load_demo", stdout=StringIO())
    known = _audit_rows_the_planner_knows()
    if connection.vendor == "postgresql":
        assert known is not None and known > 100
    else:
        assert known is None
