import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.models import PlanChange
from msrelief.programmes.tests.factories import enrol, today
from msrelief.testing import make_client_record


def later_session(enrolment):
    return enrolment.sessions.filter(starts_at__gt=timezone.now()).first()


def test_a_planned_session_moves_and_the_plan_keeps_where_it_was(enrolment, therapist):
    session = later_session(enrolment)
    before = session.starts_at
    day = session.local_date + dt.timedelta(days=1)
    moved = services.move_session(therapist, session, day, dt.time(14, 30), "client asked")
    assert moved.local_date == day and timezone.localtime(moved.starts_at).time() == dt.time(14, 30)
    change = enrolment.changes.get(kind=PlanChange.Kind.MOVED)
    assert change.session == moved and change.reason == "client asked"
    assert change.details["from"] == timezone.localtime(before).isoformat(timespec="minutes")
    assert enrolment.sessions.count() == 12  # moved, not replaced
    event = AuditEvent.objects.get(event="session.moved")
    assert event.client_ref == enrolment.client_id and "client asked" not in str(event.changes)


def test_a_move_onto_another_session_of_the_therapist_is_refused_naming_it(
    enrolment, therapist, template
):
    other = enrol(therapist, make_client_record(therapist, display_name="Sam"), template,
                  start=today() + dt.timedelta(days=60))  # fmt: skip
    target = other.sessions.first()
    session = later_session(enrolment)
    local = timezone.localtime(target.starts_at)
    with pytest.raises(ValidationError) as error:
        services.move_session(therapist, session, local.date(), dt.time(10, 20))
    assert local.strftime("%B %Y") in error.value.message_dict["time"][0]
    session.refresh_from_db()
    assert not enrolment.changes.filter(kind="moved").exists()


def test_a_session_already_recorded_cannot_be_moved(session, therapist):
    services.record_session_status(therapist, session, "attended")
    with pytest.raises(ValidationError, match="Only a planned session"):
        services.move_session(therapist, session, today(), dt.time(16))


def test_moving_to_the_same_time_is_refused(enrolment, therapist):
    session = later_session(enrolment)
    local = timezone.localtime(session.starts_at)
    with pytest.raises(ValidationError) as error:
        services.move_session(therapist, session, local.date(), local.time())
    assert "day" in error.value.message_dict


def test_an_outsider_cannot_move_a_session(enrolment, outsider):
    with pytest.raises(Http404):
        services.move_session(outsider, later_session(enrolment), today(), dt.time(9))
