"""The database itself refuses to change or delete an audit event (migration 0006,
msrelief.audit.append_only), on SQLite and on PostgreSQL alike."""

import pytest
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from msrelief.audit import append_only
from msrelief.audit.models import AuditEvent

TABLE = append_only.TABLE


def _execute(*statements):
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture
def real_database(db):
    """The test database without its throwaway marker, as a real database is (the test's
    transaction puts the marker back when it rolls back)."""
    _execute(f"DROP TABLE {append_only.THROWAWAY_MARKER}")


def test_a_raw_update_is_refused_even_in_a_throwaway_test_database(ms_client):
    labels = list(AuditEvent.objects.values_list("object_label", flat=True))
    with pytest.raises(IntegrityError, match="audit events are append-only: UPDATE refused"):
        _execute("UPDATE audit_auditevent SET object_label = 'Someone else'")
    assert list(AuditEvent.objects.values_list("object_label", flat=True)) == labels


def test_a_raw_delete_is_refused_in_a_real_database(ms_client, real_database):
    with pytest.raises(IntegrityError, match="audit events are append-only: DELETE refused"):
        _execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.count() == 2


def _flush():
    """What Django's flush sends for the audit table: DELETE on SQLite, TRUNCATE on PostgreSQL
    (which refuses to truncate a table with foreign-key checks still pending in the
    transaction: the test's inserts are checked first)."""
    connection.check_constraints()
    _execute(*connection.ops.sql_flush(no_style(), [TABLE]))


def test_djangos_flush_is_refused_in_a_real_database(ms_client, real_database):
    with pytest.raises(IntegrityError, match="audit events are append-only"):
        _flush()
    assert AuditEvent.objects.count() == 2


def test_a_throwaway_test_database_lets_djangos_flush_empty_the_trail(ms_client):
    _flush()
    assert AuditEvent.objects.count() == 0


def test_new_events_are_still_written(ms_client, therapist):
    from msrelief.audit import services
    from msrelief.audit.models import Action

    services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic)
    assert AuditEvent.objects.count() == 3


def _migrate_audit_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", target)])


@pytest.mark.django_db(transaction=True)
def test_the_reverse_migration_drops_the_triggers_and_migrating_again_restores_them():
    assert append_only.missing(connection) == []
    _migrate_audit_to("0005_fill_hash_chain")
    assert append_only.missing(connection) == list(append_only.TRIGGERS[connection.vendor])
    _migrate_audit_to("0006_append_only_triggers")
    assert append_only.missing(connection) == []
    # Back to the latest migrations, which the next tests of this database expect.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
