"""A note that records hands-on work, signed when the session's safety screen had not allowed
it, says so: on the note, on the session page and in the audit trail. It is not refused, so the
note can still say what happened."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients import history_services as history
from msrelief.programmes import services
from msrelief.safety import services as safety

HANDS_ON = {"subjective": "Legs heavy.", "techniques": ["effleurage"], "minutes": 30}
TALK_ONLY = {"subjective": "Talked through the week; no massage today.", "minutes": 15}


def deferred(therapist, ms_client, session):
    """A relapse ten days ago: the screen defers, and the therapist agrees."""
    onset = timezone.localdate() - dt.timedelta(days=10)
    history.add_entry(therapist, ms_client, "relapse", {"onset": onset})
    screen = services.screen_session(therapist, session, {})
    safety.decide(therapist, screen, screen.outcome)
    session.refresh_from_db()
    assert screen.outcome == "DEFER"


def test_hands_on_work_signed_before_any_screen_is_marked_and_audited(session, therapist):
    note = services.save_note(therapist, session, HANDS_ON, sign=True)
    assert note.is_signed
    assert note.without_go_ahead == "Screen the client before the session."
    events = [e.event for e in AuditEvent.objects.filter(object_type="programmes.sessionnote")]
    assert "session_note.signed_without_go_ahead" in events
    assert "session_note.signed" not in events


def test_hands_on_work_signed_after_a_decision_to_defer_names_that_decision(
    session, therapist, ms_client
):
    deferred(therapist, ms_client, session)
    note = services.save_note(therapist, session, HANDS_ON, sign=True)
    assert note.without_go_ahead == "The decision after the screen was: No hands-on session today."


def test_a_talk_only_note_is_signed_plainly_even_when_the_screen_deferred(
    session, therapist, ms_client
):
    deferred(therapist, ms_client, session)
    note = services.save_note(therapist, session, TALK_ONLY, sign=True)
    assert note.without_go_ahead == ""
    assert AuditEvent.objects.filter(event="session_note.signed").count() == 1


def test_a_draft_is_never_marked_only_the_signed_version_is(session, therapist):
    draft = services.save_note(therapist, session, HANDS_ON)
    assert draft.without_go_ahead == ""


def test_an_amendment_that_adds_hands_on_work_is_marked_on_the_new_version(
    session, therapist, colleague, ms_client
):
    deferred(therapist, ms_client, session)
    signed = services.save_note(therapist, session, TALK_ONLY, sign=True)
    amended = services.amend_note(
        colleague, signed, {**TALK_ONLY, "body_regions": ["neck"]}, "Added the back work."
    )
    assert signed.without_go_ahead == "" and amended.without_go_ahead
    event = AuditEvent.objects.get(event="session_note.amended")
    assert event.changes["without_go_ahead"] is True


def test_the_session_page_shows_the_mark_on_the_signed_note(client, session, therapist):
    services.save_note(therapist, session, HANDS_ON, sign=True)
    client.force_login(therapist)
    page = client.get(reverse("programmes-session", args=[session.pk])).text
    assert "Signed without a go-ahead:" in page
    assert "Screen the client before the session." in page
