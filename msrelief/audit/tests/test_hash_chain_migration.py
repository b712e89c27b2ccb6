"""Migrations 0004-0006 chain the events written before the hash chain existed, then guard
them with the append-only triggers."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from msrelief.audit import append_only, chain
from msrelief.audit.models import AuditEvent


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor._create_project_state(with_applied_migrations=True).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_events_from_before_the_chain_are_chained_in_id_order_and_then_guarded():
    old = _migrate([("audit", "0003_pseudonymous_labels")])
    OldEvent = old.get_model("audit", "AuditEvent")
    when = dt.datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=dt.UTC)
    for n in range(3):
        OldEvent.objects.create(
            occurred_at=when + dt.timedelta(minutes=n),
            actor_email="tess@harbour.test",
            action="view",
            event="client.viewed",
            object_type="clients.client",
            object_id=str(n),
            object_label=f"Client #{n}",
            request_id=f"r{n}",
            remote_addr="::1" if n else "198.51.100.4",
            changes={"fields": ["notes"], "count": float(n)},
        )

    _migrate([("audit", "0006_append_only_triggers")])
    events = list(AuditEvent.objects.order_by("id"))
    assert [e.previous_hash for e in events] == [chain.GENESIS, events[0].hash, events[1].hash]
    report = chain.verify_trail()
    assert (report.intact, report.events) == (True, 3)
    assert append_only.missing(connection) == []
