"""services.start_diary: staff of the client's clinic start a diary with a standing link whose
token is given once and kept only as a hash."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments import tokens
from msrelief.instruments.diary import services
from msrelief.instruments.diary.models import DiaryPlan


def test_a_therapist_starts_a_weekly_diary_with_a_reminder_and_gets_its_token_once(
    therapist, ms_client
):
    plan, token = services.start_diary(therapist, ms_client, "weekly", wants_reminder=True)
    assert (plan.frequency, plan.wants_reminder, plan.started_by) == ("weekly", True, therapist)
    assert plan.token_hash == tokens.hash_token(token) and token not in plan.token_hash
    assert plan.link_made_at is not None and plan.clinic == ms_client.clinic
    event = AuditEvent.objects.get(event="diary.started")
    assert event.changes == {"frequency": "weekly", "wants_reminder": True}
    assert event.object_label == f"Symptom diary #{plan.pk}"


def test_a_colleague_in_the_clinic_may_start_it_too(colleague, ms_client):
    plan, _ = services.start_diary(colleague, ms_client, "daily")
    assert plan.started_by == colleague


def test_a_second_diary_for_the_same_client_is_refused(therapist, ms_client):
    services.start_diary(therapist, ms_client, "daily")
    with pytest.raises(ValidationError, match="already has a symptom diary"):
        services.start_diary(therapist, ms_client, "weekly")
    assert DiaryPlan.objects.count() == 1


def test_an_unknown_frequency_is_refused_naming_the_field(therapist, ms_client):
    with pytest.raises(ValidationError) as caught:
        services.start_diary(therapist, ms_client, "hourly")
    assert caught.value.message_dict == {"frequency": ["Choose every day or once a week."]}
    assert not DiaryPlan.objects.exists()


def test_an_outsider_gets_404_and_a_client_login_is_refused(outsider, person_with_ms, ms_client):
    with pytest.raises(Http404):
        services.start_diary(outsider, ms_client, "daily")
    with pytest.raises(PermissionDenied):
        services.start_diary(person_with_ms, ms_client, "daily")
    assert (
        not DiaryPlan.objects.exists()
        and not AuditEvent.objects.filter(event="diary.started").exists()
    )
