"""The database's own refusal to change the audit trail: triggers on ``audit_auditevent``
that refuse every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE), whoever sends them —
the app, a shell, a script. Migration 0006 creates them; ``msrelief audit verify`` checks that
they are there.

**The one exception: a throwaway test database.** Between transactional tests Django empties
every table (its ``flush``: DELETE on SQLite, TRUNCATE on PostgreSQL). The triggers let that
through only in a database that holds a table named :data:`THROWAWAY_MARKER`. Only the test
harness creates it (``django_db_setup`` in the root ``conftest.py``), in the test databases it
has just created; no migration, setting, environment variable or code path of the app does, so
the app cannot switch the exception on while it runs, and a real database never has it.
UPDATE is refused even there.

Audit rows are never deleted, not even to erase a client: their events stay, pseudonymous
(docs/privacy.md). A future migration that must rewrite events has to drop these triggers
and create them again, in the same migration; so does one that makes Django rebuild the table
on SQLite (which drops a table's triggers with it).
"""

from __future__ import annotations

from typing import Any

TABLE = "audit_auditevent"
THROWAWAY_MARKER = "msrelief_throwaway_test_database"
FUNCTION = "msrelief_audit_append_only"
TRIGGERS = {
    "sqlite": ("msrelief_audit_no_update", "msrelief_audit_no_delete"),
    "postgresql": ("msrelief_audit_no_update_or_delete", "msrelief_audit_no_truncate"),
}

# The statements are built from this module's constants only, never from input.
_SQLITE = [
    f"""CREATE TRIGGER msrelief_audit_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END""",
    f"""CREATE TRIGGER msrelief_audit_no_delete BEFORE DELETE ON {TABLE}
    WHEN NOT EXISTS (
        SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{THROWAWAY_MARKER}'
    )
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END""",  # noqa: S608
]
_POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' AND to_regclass('{THROWAWAY_MARKER}') IS NOT NULL THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $$""",
    f"""CREATE TRIGGER msrelief_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()""",
    f"""CREATE TRIGGER msrelief_audit_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()""",
]


def _vendor(connection: Any) -> str:
    vendor = str(connection.vendor)
    if vendor not in TRIGGERS:
        raise NotImplementedError(f"msrelief runs on SQLite or PostgreSQL, not on {vendor}")
    return vendor


def create(connection: Any) -> None:
    """Create the triggers (and PostgreSQL's trigger function)."""
    statements = _SQLITE if _vendor(connection) == "sqlite" else _POSTGRESQL
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop(connection: Any) -> None:
    """Drop them again (the reverse of migration 0006)."""
    vendor = _vendor(connection)
    on_table = f" ON {TABLE}" if vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        for name in TRIGGERS[vendor]:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}{on_table}")
        if vendor == "postgresql":
            cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")


def missing(connection: Any) -> list[str]:
    """The names of the triggers that should be on the audit table and are not."""
    vendor = _vendor(connection)
    if vendor == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s"
    else:
        query = "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(%s) AND NOT tgisinternal"
    with connection.cursor() as cursor:
        cursor.execute(query, [TABLE])
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in TRIGGERS[vendor] if name not in present]
