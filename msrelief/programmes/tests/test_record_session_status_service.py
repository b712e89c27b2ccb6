import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.models import SessionStatus


def later(enrolment):
    later = enrolment.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=1))
    return later.filter(status="planned").first()


def test_attendance_is_recorded_with_who_and_when_and_kept_in_the_plans_history(session, therapist):
    recorded = services.record_session_status(therapist, session, SessionStatus.ATTENDED)
    assert recorded.status == "attended" and recorded.status_recorded_by == therapist
    change = session.enrolment.changes.get(kind="status")
    assert change.details == {"from": "planned", "to": "attended"}
    assert AuditEvent.objects.filter(event="session.status_recorded").count() == 1


def test_a_cancellation_says_who_cancelled(enrolment, therapist):
    session = later(enrolment)
    cancelled = services.record_session_status(therapist, session, "cancelled", "client", "flu")
    assert cancelled.status_text == "Cancelled by the client"
    assert enrolment.changes.get(kind="status").details["by"] == "client"
    with pytest.raises(ValidationError, match="who cancelled"):
        services.record_session_status(therapist, later(enrolment), "cancelled", "")


def test_a_cancelled_session_stays_cancelled(enrolment, therapist):
    session = later(enrolment)
    services.record_session_status(therapist, session, "cancelled", "clinic")
    with pytest.raises(ValidationError, match="stays so"):
        services.record_session_status(therapist, session, "cancelled", "client")


def test_a_later_session_cannot_be_attended_or_missed_yet(enrolment, therapist):
    for status in ("attended", "no_show"):
        with pytest.raises(ValidationError, match="later day"):
            services.record_session_status(therapist, later(enrolment), status)


def test_a_no_show_can_be_corrected_to_attended_but_a_signed_session_stays_attended(
    session, therapist
):
    services.record_session_status(therapist, session, "no_show")
    services.record_session_status(therapist, session, "attended")
    services.save_note(therapist, session, {"subjective": "Felt well."}, sign=True)
    with pytest.raises(ValidationError, match="signed note"):
        services.record_session_status(therapist, session, "no_show")
    assert session.enrolment.changes.filter(kind="status").count() == 2


def test_an_unknown_status_is_refused_naming_the_field(session, therapist):
    with pytest.raises(ValidationError) as error:
        services.record_session_status(therapist, session, "planned")
    assert "status" in error.value.message_dict


def test_an_outsider_gets_404(session, outsider):
    with pytest.raises(Http404):
        services.record_session_status(outsider, session, "attended")
