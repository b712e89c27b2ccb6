import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.tests.factories import today


def test_a_session_is_added_to_the_plan_with_the_plans_length(enrolment, therapist):
    added = services.add_session(therapist, enrolment, today() + dt.timedelta(days=2), dt.time(7))
    assert added.minutes == enrolment.minutes == 50
    assert enrolment.sessions.count() == 13
    assert enrolment.changes.get(kind="added").session == added
    assert AuditEvent.objects.get(event="session.added").client_ref == enrolment.client_id


def test_an_added_session_may_be_longer_or_shorter(enrolment, therapist):
    added = services.add_session(therapist, enrolment, today(), dt.time(7), minutes=30)
    assert added.minutes == 30


@pytest.mark.parametrize("minutes", [0, 241])
def test_minutes_out_of_range_are_refused(enrolment, therapist, minutes):
    with pytest.raises(ValidationError) as error:
        services.add_session(therapist, enrolment, today(), dt.time(7), minutes=minutes or -1)
    assert "minutes" in error.value.message_dict


def test_an_added_session_that_clashes_is_refused(enrolment, therapist):
    existing = enrolment.sessions.first()
    with pytest.raises(ValidationError) as error:
        services.add_session(therapist, enrolment, existing.local_date, dt.time(10, 15))
    assert "time" in error.value.message_dict
    assert enrolment.sessions.count() == 12


def test_an_outsider_gets_404_and_a_client_login_403(enrolment, outsider, person_with_ms):
    with pytest.raises(Http404):
        services.add_session(outsider, enrolment, today(), dt.time(7))
    with pytest.raises(PermissionDenied):
        services.add_session(person_with_ms, enrolment, today(), dt.time(7))
