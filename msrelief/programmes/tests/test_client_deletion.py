"""Deleting a client's record (clients.services.delete_client) takes their programme data with
it: nothing of a programme keeps a deleted client's record from going, nor outlives it."""

from msrelief.clients import services as clients
from msrelief.instruments.models import Response, SafetyFlag
from msrelief.programmes import services
from msrelief.programmes.models import (
    AdverseEvent,
    Enrolment,
    PlannedSession,
    ScheduledMeasure,
    SessionNote,
    SessionRating,
)
from msrelief.programmes.tests.factories import today


def test_a_client_with_a_programme_notes_ratings_and_an_adverse_event_can_be_deleted(
    session, therapist
):
    client = session.enrolment.client
    services.record_session_status(therapist, session, "attended")
    services.record_ratings(therapist, session, "pre", {"nrs-pain": 4})
    note = services.save_note(therapist, session, {"subjective": "Fine."}, sign=True)
    services.amend_note(therapist, note, {"subjective": "Fine, slept well."}, "Added sleep.")
    services.record_adverse_event(
        therapist, client, services.Report(today(), "bruising", "mild", "Ice."), session
    )
    clients.delete_client(therapist, client)
    for model in (Enrolment, PlannedSession, ScheduledMeasure, SessionNote, SessionRating,
                  AdverseEvent, Response, SafetyFlag):  # fmt: skip
        assert not model.objects.exists(), model.__name__
