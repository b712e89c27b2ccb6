"""Ending an enrolment: completed when every session is recorded, or withdrawn (the client left)
with who decided and why; later sessions are cancelled, questionnaires kept unless asked, and an
ended plan takes no new or moved sessions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.instruments.models import Status
from msrelief.programmes import services
from msrelief.programmes.models import EnrolmentStatus, PlanChange, SessionStatus
from msrelief.programmes.tests.factories import enrol, today


def test_a_withdrawal_cancels_the_later_sessions_and_keeps_the_past_ones(enrolment, therapist):
    now = timezone.now()
    later = enrolment.sessions.filter(starts_at__gt=now).count()
    earlier = {s.pk: s.status for s in enrolment.sessions.filter(starts_at__lte=now)}
    assert later and earlier
    ended = services.end_enrolment(
        therapist, enrolment, "withdrawn", reason="Moved away.", withdrawn_by="client"
    )
    assert ended.status == EnrolmentStatus.WITHDRAWN and ended.ended_on == today()
    assert ended.withdrawn_by == "client" and ended.end_reason == "Moved away."
    after = enrolment.sessions.filter(starts_at__gt=now)
    assert {s.status for s in after} == {SessionStatus.CANCELLED}
    assert {s.cancelled_by for s in after} == {"client"}
    assert {s.pk: s.status for s in enrolment.sessions.filter(starts_at__lte=now)} == earlier
    assert PlanChange.objects.filter(enrolment=enrolment, kind="status").count() == later
    event = AuditEvent.objects.get(event="enrolment.withdrawn")
    assert event.changes["sessions_cancelled"] == later
    assert event.changes["questionnaires_cancelled"] == 0
    assert "Moved away" not in str(event.changes)


def test_questionnaires_are_kept_unless_the_withdrawal_asks_to_cancel_those_still_to_come(
    enrolment, therapist
):
    measures = list(enrolment.measures.select_related("administration"))
    to_come = [m for m in measures if m.due_on > today() and m.administration]
    due = [m for m in measures if m.due_on <= today() and m.administration]
    assert to_come and due
    services.end_enrolment(
        therapist,
        enrolment,
        "withdrawn",
        reason="Too tired to travel.",
        withdrawn_by="client",
        cancel_questionnaires=True,
    )
    for measure in to_come:
        measure.administration.refresh_from_db()
        assert measure.administration.status == Status.CANCELLED
    for measure in due:
        measure.administration.refresh_from_db()
        assert measure.administration.status != Status.CANCELLED


def test_a_withdrawal_needs_who_decided_and_why_and_changes_nothing_without_them(
    enrolment, therapist
):
    with pytest.raises(ValidationError) as error:
        services.end_enrolment(therapist, enrolment, "withdrawn")
    assert set(error.value.message_dict) == {"withdrawn_by", "reason"}
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert not enrolment.sessions.filter(status=SessionStatus.CANCELLED).exists()


def test_completion_is_refused_while_sessions_are_still_planned(enrolment, therapist):
    planned = enrolment.sessions.filter(status=SessionStatus.PLANNED).count()
    with pytest.raises(ValidationError, match=f"{planned} sessions are still planned"):
        services.end_enrolment(therapist, enrolment, "completed")


def test_a_plan_whose_every_session_is_recorded_can_be_completed(therapist, ms_client):
    past = enrol(therapist, ms_client, start=today() - dt.timedelta(weeks=8))
    for number, session in enumerate(past.sessions.all()):
        status = SessionStatus.ATTENDED if number % 3 else SessionStatus.NO_SHOW
        services.record_session_status(therapist, session, status)
    ended = services.end_enrolment(therapist, past, "completed")
    assert ended.status == EnrolmentStatus.COMPLETED and ended.withdrawn_by == ""
    assert AuditEvent.objects.filter(event="enrolment.completed").count() == 1


def test_an_ended_plan_takes_no_new_or_moved_session_and_cannot_end_twice(enrolment, therapist):
    later = enrolment.sessions.filter(starts_at__gt=timezone.now()).first()
    services.end_enrolment(therapist, enrolment, "withdrawn", reason="x", withdrawn_by="clinic")
    with pytest.raises(ValidationError, match="enrol the client again"):
        services.add_session(therapist, enrolment, today() + dt.timedelta(days=3), dt.time(9))
    with pytest.raises(ValidationError, match="enrol the client again"):
        services.move_session(therapist, later, today() + dt.timedelta(days=4), dt.time(9))
    with pytest.raises(ValidationError, match="was withdrawn on"):
        services.end_enrolment(therapist, enrolment, "withdrawn", reason="y", withdrawn_by="client")


def test_an_unknown_outcome_is_refused_naming_the_field(enrolment, therapist):
    with pytest.raises(ValidationError) as error:
        services.end_enrolment(therapist, enrolment, "active")
    assert "outcome" in error.value.message_dict


def test_another_clinic_cannot_end_the_enrolment(enrolment, outsider):
    with pytest.raises(Http404):
        services.end_enrolment(outsider, enrolment, "withdrawn", reason="x", withdrawn_by="clinic")
