"""/evidence/changes/: the evidence change log, public, newest first, filtered and paginated;
insiders (clinic staff of any clinic, evidence editors) also see proposals and clinic names."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from msrelief.evidence import services
from msrelief.evidence.change_models import EvidenceChange
from msrelief.evidence.tests.edits import make_records

LOG = reverse("evidence-changes")


@pytest.fixture
def records(evidence_editor):
    return make_records(evidence_editor)


@pytest.fixture
def edited(settings, clinic_admin, records):
    """An applied change by a clinic admin, and a second one held for review."""
    services.update_study(clinic_admin, records["study"], design="Crossover trial")
    settings.EVIDENCE_REVIEW = True
    services.update_reference(clinic_admin, records["reference"], title="A proposed title")
    return records


def test_a_visitor_sees_applied_changes_with_values_before_and_after_and_the_role_only(
    client, edited
):
    response = client.get(LOG)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Crossover trial" in body and "Design" in body
    assert "Made by: clinic admin." in body
    assert "Harbour Street Clinic" not in body
    assert "A proposed title" not in body and "Awaiting review" not in body


def test_a_client_sees_what_a_visitor_sees(client, person_with_ms, edited):
    client.force_login(person_with_ms)
    body = client.get(LOG).content.decode()
    assert "Crossover trial" in body and "A proposed title" not in body
    assert "Harbour Street Clinic" not in body


def test_staff_of_another_clinic_see_the_editors_clinic_and_the_change_awaiting_review(
    client, outsider, edited
):
    client.force_login(outsider)
    body = client.get(LOG).content.decode()
    assert "Made by: clinic admin, Harbour Street Clinic." in body
    assert "A proposed title" in body and "Awaiting review" in body


def test_the_editors_name_and_address_are_never_shown(client, outsider, clinic_admin, edited):
    client.force_login(outsider)
    body = client.get(LOG).content.decode()
    assert clinic_admin.full_name not in body and clinic_admin.email not in body


def test_a_record_that_still_exists_is_linked_and_a_deleted_one_is_not(
    client, clinic_admin, records
):
    services.delete_result(clinic_admin, records["result"])
    services.update_arm(clinic_admin, records["arm"], weeks=8.0)
    body = client.get(LOG).content.decode()
    study_page = reverse("evidence-study", args=["smith2020"])
    assert f'<a href="{study_page}">smith2020: Massage</a>' in body
    assert f'<a href="{study_page}">r1</a>' not in body and "r1" in body


def test_changes_are_listed_newest_first(client, clinic_admin, records):
    services.update_study(clinic_admin, records["study"], design="First design")
    services.update_study(clinic_admin, records["study"], design="Second design")
    first, second = EvidenceChange.objects.order_by("-id")[:2][::-1]
    body = client.get(LOG).content.decode()
    assert body.index(f'id="change-{second.pk}"') < body.index(f'id="change-{first.pk}"')


def test_the_log_is_filtered_by_kind_of_record(client, clinic_admin, records):
    services.update_study(clinic_admin, records["study"], design="Crossover trial")
    services.update_arm(clinic_admin, records["arm"], label="Swedish massage")
    body = client.get(LOG, {"kind": "arm"}).content.decode()
    assert "Swedish massage" in body and "Crossover trial" not in body


def test_the_log_is_filtered_by_date(client, clinic_admin, records):
    with time_machine.travel(dt.datetime(2026, 1, 5, 12, tzinfo=dt.UTC), tick=False):
        services.update_study(clinic_admin, records["study"], design="January design")
    with time_machine.travel(dt.datetime(2026, 3, 5, 12, tzinfo=dt.UTC), tick=False):
        services.update_study(clinic_admin, records["study"], country="March country")
    body = client.get(LOG, {"since": "2026-03-01", "until": "2026-03-31"}).content.decode()
    assert "March country" in body and "January design" not in body
    body = client.get(LOG, {"until": "2026-01-31"}).content.decode()
    assert "January design" in body and "March country" not in body


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"since": "yesterday"}, "“From (date)” must be a real date"),
        ({"since": "2026-03-02", "until": "2026-03-01"}, "on or after the “From” date"),
        ({"kind": "topic"}, "Choose one of the options listed for the kind of record."),
    ],
)
def test_a_bad_filter_is_a_400_that_names_the_problem(client, records, query, message):
    response = client.get(LOG, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_log_is_paginated_fifty_to_a_page(client, clinic_admin, records):
    for number in range(1, 52):
        services.update_study(clinic_admin, records["study"], n_randomised=number + 100)
    first = client.get(LOG).content.decode()
    assert "Page 1 of 2" in first and "151" in first
    second = client.get(LOG, {"page": "2"}).content.decode()
    assert "Page 2 of 2" in second and ">101<" in second


def test_a_rejected_proposal_shows_its_reason_to_insiders(
    client, outsider, evidence_editor, settings, clinic_admin, records
):
    from msrelief.evidence import review

    settings.EVIDENCE_REVIEW = True
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    review.reject_proposal(evidence_editor, proposal, "The paper says parallel groups.")
    client.force_login(outsider)
    assert "The paper says parallel groups." in client.get(LOG).content.decode()
    client.logout()
    assert "The paper says parallel groups." not in client.get(LOG).content.decode()
