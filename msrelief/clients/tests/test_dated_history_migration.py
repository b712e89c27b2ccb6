"""Migration 0002 moves the old single DMT text and 'other medicines' lines into the dated
history, losing nothing."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("clients", "0001_initial")]
AFTER = [("clients", "0002_dated_history")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()  # the state of what is applied now, every app included
    return executor._create_project_state(with_applied_migrations=True).apps


@pytest.mark.django_db(transaction=True)
def test_the_old_dmt_text_and_medicines_become_history_entries():
    old = _migrate(BEFORE)
    Clinic = old.get_model("accounts", "Clinic")
    User = old.get_model("accounts", "User")
    Client = old.get_model("clients", "Client")
    clinic = Clinic.objects.create(name="Old Clinic", crisis_guidance="Call 999")
    therapist = User.objects.create(email="old@example.org", clinic=clinic, role="therapist")
    known = Client.objects.create(
        clinic=clinic, therapist=therapist, display_name="A", dmt="Ocrelizumab 600 mg",
        other_medicines=["baclofen", " ", "vitamin D"],
    )  # fmt: skip
    unknown = Client.objects.create(
        clinic=clinic, therapist=therapist, display_name="B", dmt="Trial drug XY-1"
    )
    none = Client.objects.create(clinic=clinic, therapist=therapist, display_name="C", dmt="")

    new = _migrate(AFTER)
    DmtPeriod = new.get_model("clients", "DmtPeriod")
    Medicine = new.get_model("clients", "Medicine")
    assert list(DmtPeriod.objects.filter(client_id=known.pk).values_list("drug", "started")) == [
        ("ocrelizumab", None)
    ]
    assert DmtPeriod.objects.get(client_id=unknown.pk).drug_other == "Trial drug XY-1"
    assert not DmtPeriod.objects.filter(client_id=none.pk).exists()
    assert sorted(Medicine.objects.values_list("name", flat=True)) == ["baclofen", "vitamin D"]


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
