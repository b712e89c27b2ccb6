"""``msrelief backup`` then ``msrelief restore`` gives back every table row by row, the audit
trail included (on SQLite in the SQLite run, on PostgreSQL in the PostgreSQL run)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.evidence.models import Reference


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def every_row():
    """Every table's rows, each as a tuple, in a stable order."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = [tuple(_plain(v) for v in row) for row in cursor.fetchall()]
            tables[table] = sorted(rows, key=repr)
    return tables


@pytest.mark.django_db(transaction=True)
def test_a_restore_gives_back_every_row_of_every_table_after_changes_and_deletions(tmp_path):
    call_command("load_demo", stdout=StringIO())
    call_command("load_evidence", stdout=StringIO())
    before = every_row()
    assert before["audit_auditevent"] and before["evidence_reference"]
    path = tmp_path / "msrelief.backup"
    call_command("backup", str(path), stdout=StringIO())

    first, second = Client.objects.order_by("pk")[:2]
    clients.delete_client(first.therapist, first)
    clients.update_client(second.therapist, second, notes="Changed after the backup.")
    Reference.objects.filter(pk=Reference.objects.order_by("pk").first().pk).delete()
    assert every_row() != before

    out = StringIO()
    call_command("restore", str(path), "--yes", stdout=out)
    assert out.getvalue().startswith("Restored the database ")
    assert every_row() == before
    assert AuditEvent.objects.count() == len(before["audit_auditevent"])
    verified = StringIO()
    call_command("audit", "verify", stdout=verified)
    assert verified.getvalue().startswith(f"OK: {len(before['audit_auditevent'])} events, ")
