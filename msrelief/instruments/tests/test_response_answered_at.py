"""A correction stands where the response it corrects stood: its ``answered_at`` is the first
of its chain's submission time, so the Measures page orders and dates it there, and the
migration gives every stored correction the same."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from msrelief.demo.histories import answers_for
from msrelief.instruments import services
from msrelief.instruments.progress import history


def fss(therapist, client, total, weeks_ago):
    day = timezone.localdate() - dt.timedelta(weeks=weeks_ago)
    return services.enter_response(therapist, client, "fss", answers_for("fss", total), day)


def test_a_correction_keeps_the_answered_time_of_the_first_of_its_chain(therapist, ms_client):
    original = fss(therapist, ms_client, 6, weeks_ago=8)
    first = services.correct_response(therapist, original, answers_for("fss", 5), "Typo.")
    second = services.correct_response(therapist, first, answers_for("fss", 4), "Again.")
    assert original.answered_at == original.submitted_at
    assert first.answered_at == second.answered_at == original.answered_at
    assert second.submitted_at > original.submitted_at


def test_a_corrected_baseline_stays_the_baseline_on_the_measures_page(client, therapist, ms_client):
    baseline = fss(therapist, ms_client, 6, weeks_ago=8)
    fss(therapist, ms_client, 5, weeks_ago=4)
    fss(therapist, ms_client, 3, weeks_ago=0)
    corrected = services.correct_response(therapist, baseline, answers_for("fss", 7), "Typo.")
    [item] = history(ms_client)
    assert item.points[0].response.pk == corrected.pk
    assert item.points[-1].score.total == 3
    client.force_login(therapist)
    page = client.get(reverse("instruments-measures", args=[ms_client.pk])).text
    assert f"Corrected {timezone.localdate():%-d %b %Y}" in page


BEFORE = [("instruments", "0007_symptom_diary")]
AFTER = [("instruments", "0008_response_answered_at")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor._create_project_state(with_applied_migrations=True).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_dates_every_stored_correction_by_the_first_of_its_chain():
    old = _migrate(BEFORE)
    Clinic = old.get_model("accounts", "Clinic")
    User = old.get_model("accounts", "User")
    Client = old.get_model("clients", "Client")
    Response = old.get_model("instruments", "Response")
    clinic = Clinic.objects.create(name="Old Clinic", crisis_guidance="Call 999")
    therapist = User.objects.create(email="old@example.org", clinic=clinic, role="therapist")
    person = Client.objects.create(clinic=clinic, therapist=therapist, display_name="A")
    then = timezone.now() - dt.timedelta(days=30)

    def response(when, supersedes=None):
        return Response.objects.create(
            clinic=clinic, client=person, instrument_code="fss", instrument_version="1.0",
            answers={}, submitted_at=when, via="staff", supersedes=supersedes,
            correction_reason="Typo." if supersedes else "",
        )  # fmt: skip

    original = response(then)
    first = response(then + dt.timedelta(days=10), original)
    second = response(then + dt.timedelta(days=20), first)
    alone = response(then + dt.timedelta(days=5))

    new = _migrate(AFTER)
    Response = new.get_model("instruments", "Response")
    answered = dict(Response.objects.values_list("pk", "answered_at"))
    assert answered[original.pk] == answered[first.pk] == answered[second.pk] == then
    assert answered[alone.pk] == then + dt.timedelta(days=5)


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema(request):
    yield
    if "transactional_db" in request.fixturenames:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
