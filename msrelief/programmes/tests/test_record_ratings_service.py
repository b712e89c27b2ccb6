import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.instruments.models import Response
from msrelief.programmes import services
from msrelief.programmes.models import SessionRating
from msrelief.programmes.tests.factories import today


def test_each_rating_is_a_scored_nrs_response_entered_by_staff_and_linked_to_the_session(
    session, therapist
):
    made = services.record_ratings(
        therapist, session, "pre", {"nrs-pain": 6, "nrs-stress": 4, "nrs-fatigue": None}
    )
    assert {r.instrument_code for r in made} == {"nrs-pain", "nrs-stress"}
    pain = SessionRating.objects.get(phase="pre", instrument_code="nrs-pain").response
    assert (
        pain.via == "staff"
        and pain.answers == {"1": 6.0}
        and pain.client == session.enrolment.client
    )
    assert pain.scores.get().total == 6
    assert AuditEvent.objects.filter(event="session_rating.recorded").count() == 2
    assert AuditEvent.objects.filter(event="response.entered").count() == 2


def test_a_rating_of_a_past_session_is_dated_on_the_session_day(enrolment, therapist):
    past = enrolment.sessions.filter(starts_at__lt=timezone.now() - dt.timedelta(days=2)).first()
    services.record_session_status(therapist, past, "attended")
    (rating,) = services.record_ratings(therapist, past, "post", {"nrs-relaxation": 8})
    assert timezone.localtime(rating.response.submitted_at).date() == past.local_date


def test_the_same_rating_twice_is_refused_naming_it_and_nothing_is_saved(session, therapist):
    services.record_ratings(therapist, session, "pre", {"nrs-pain": 6})
    with pytest.raises(ValidationError) as error:
        services.record_ratings(therapist, session, "pre", {"nrs-pain": 3, "nrs-stress": 2})
    assert "already recorded" in error.value.message_dict["pre_nrs-pain"][0]
    assert Response.objects.count() == 1
    # the same rating after the session is another one
    services.record_ratings(therapist, session, "post", {"nrs-pain": 3})


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"nrs-pain": 11}, "pre_nrs-pain"),
        ({"phq9": 1}, "pre_phq9"),
        ({"nrs-pain": None}, "__all__"),
    ],
)
def test_bad_ratings_are_refused_naming_the_field(session, therapist, values, field):
    with pytest.raises(ValidationError) as error:
        services.record_ratings(therapist, session, "pre", values)
    assert field in error.value.message_dict
    assert not Response.objects.exists()


def test_a_later_or_cancelled_session_takes_no_ratings(enrolment, therapist):
    later = enrolment.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=1)).first()
    with pytest.raises(ValidationError, match="later day"):
        services.record_ratings(therapist, later, "pre", {"nrs-pain": 2})
    services.record_session_status(therapist, later, "cancelled", "clinic")
    with pytest.raises(ValidationError, match="cancelled"):
        services.record_ratings(therapist, later, "pre", {"nrs-pain": 2})
    assert today()  # the session fixture's day is not involved


def test_an_outsider_gets_404(session, outsider):
    with pytest.raises(Http404):
        services.record_ratings(outsider, session, "pre", {"nrs-pain": 2})
