"""Restriction of processing (privacy.services.restrict_processing / lift_restriction and the
one check in clients/restriction.py): while restricted the record stays readable and every
entry point that would take in or send something new refuses with a clear message."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments.diary import services as diary
from msrelief.privacy import services
from msrelief.programmes.reminders import rules
from msrelief.programmes.tests.factories import enrol
from msrelief.testing import assign


def test_a_restricted_client_gets_no_new_questionnaire(ms_client, therapist):
    services.restrict_processing(therapist, ms_client)
    with pytest.raises(ValidationError, match=r"restricted .*a new questionnaire cannot"):
        assign(therapist, ms_client)


def test_a_restricted_client_cannot_be_enrolled(ms_client, therapist):
    services.restrict_processing(therapist, ms_client)
    with pytest.raises(ValidationError, match="an enrolment cannot be accepted"):
        enrol(therapist, ms_client)


def test_a_restricted_client_gets_no_diary_and_no_check_in(ms_client, therapist):
    plan, _ = diary.start_diary(therapist, ms_client, "daily")
    services.restrict_processing(therapist, ms_client)
    with pytest.raises(ValidationError, match="a diary check-in cannot be accepted"):
        diary.check_in(plan, {"nrs-pain": 3.0}, None, "link")
    with pytest.raises(ValidationError, match="a new diary link cannot"):
        diary.new_diary_link(therapist, plan)


def test_a_restricted_client_is_sent_no_reminder(ms_client, therapist):
    services.restrict_processing(therapist, ms_client)
    ms_client.refresh_from_db()
    assert rules.client_refusal(ms_client).startswith("processing is restricted since")


def test_lifting_the_restriction_lets_work_go_on_and_both_are_audited(ms_client, therapist):
    services.restrict_processing(therapist, ms_client)
    services.lift_restriction(therapist, ms_client)
    assign(therapist, ms_client)
    events = list(
        AuditEvent.objects.filter(client_ref=ms_client.pk).values_list("event", flat=True)
    )
    assert "client.restricted" in events and "client.restriction_lifted" in events


def test_restricting_twice_is_refused_with_a_message(ms_client, therapist):
    services.restrict_processing(therapist, ms_client)
    with pytest.raises(ValidationError, match="already restricted"):
        services.restrict_processing(therapist, ms_client)


def test_an_outsider_gets_not_found_and_a_client_login_is_refused(
    ms_client, outsider, person_with_ms
):
    with pytest.raises(Http404):
        services.restrict_processing(outsider, ms_client)
    with pytest.raises(PermissionDenied):
        services.restrict_processing(person_with_ms, ms_client)
