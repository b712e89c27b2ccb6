import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.models import ImmutableNote, SessionNote
from msrelief.programmes.tests.factories import clear_to_go_ahead

SOAP = {
    "subjective": "Legs heavy since the weekend.",
    "objective": "Calves tight, left more than right.",
    "assessment": "Tolerated moderate pressure.",
    "plan": "Same next week.",
    "techniques": ["effleurage", "petrissage"],
    "pressure": "moderate",
    "minutes": 45,
    "body_regions": ["lower_leg_left", "lower_leg_right"],
}


def test_a_draft_is_saved_and_saved_again_as_the_same_version(session, therapist, colleague):
    first = services.save_note(therapist, session, {"subjective": "Tired."})
    again = services.save_note(colleague, session, SOAP)
    assert again.pk == first.pk and again.version == 1 and not again.is_signed
    assert again.written_by == colleague and again.body_regions == SOAP["body_regions"]
    events = list(AuditEvent.objects.filter(object_type="programmes.sessionnote").order_by("pk"))
    assert [e.event for e in events] == ["session_note.drafted", "session_note.draft_saved"]
    assert all("Tired" not in str(e.changes) and "Legs" not in str(e.changes) for e in events)


def test_signing_makes_the_note_final_and_it_can_no_longer_be_changed(session, therapist):
    clear_to_go_ahead(therapist, session)
    note = services.save_note(therapist, session, SOAP, sign=True)
    assert note.without_go_ahead == ""
    assert note.is_signed and note.signed_by == therapist
    assert AuditEvent.objects.filter(event="session_note.signed").count() == 1
    with pytest.raises(ValidationError, match="amend it"):
        services.save_note(therapist, session, {"subjective": "Changed."})
    note.subjective = "Changed behind the service's back."
    with pytest.raises(ImmutableNote):
        note.save()
    assert SessionNote.objects.get().subjective == SOAP["subjective"]


def test_an_empty_note_cannot_be_signed(session, therapist):
    with pytest.raises(ValidationError) as error:
        services.save_note(therapist, session, {"techniques": ["friction"]}, sign=True)
    assert "subjective" in error.value.message_dict
    assert not SessionNote.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"techniques": ["hot stones"]}, "techniques"),
        ({"body_regions": ["tail"]}, "body_regions"),
        ({"pressure": "crushing"}, "pressure"),
        ({"minutes": 500}, "minutes"),
        ({"mood": "good"}, "mood"),
    ],
)
def test_values_outside_the_lists_are_refused_naming_the_field(session, therapist, fields, field):
    with pytest.raises(ValidationError) as error:
        services.save_note(therapist, session, fields)
    assert field in error.value.message_dict
    assert not SessionNote.objects.exists()


def test_a_cancelled_missed_or_later_session_has_no_note(enrolment, session, therapist):
    later = enrolment.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="later day"):
        services.save_note(therapist, later.first(), SOAP)
    services.record_session_status(therapist, session, "no_show")
    with pytest.raises(ValidationError, match="no-show"):
        services.save_note(therapist, session, SOAP)


def test_an_outsider_gets_404_and_a_client_login_403(session, outsider, person_with_ms):
    with pytest.raises(Http404):
        services.save_note(outsider, session, SOAP)
    with pytest.raises(PermissionDenied):
        services.save_note(person_with_ms, session, SOAP)
