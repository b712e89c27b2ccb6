"""The posts of the session page's forms: status, ratings, note, amendment, adverse event.
Each calls one service; a form with errors comes back on the page with status 400."""

from django.urls import reverse

from msrelief.instruments.models import SafetyFlag
from msrelief.programmes import services
from msrelief.programmes.models import AdverseEvent, SessionNote, SessionRating
from msrelief.programmes.tests.factories import today


def url(name, session, *args):
    return reverse(name, args=[session.pk, *args])


def test_recording_attendance_redirects_back_to_the_session(client, session, therapist):
    client.force_login(therapist)
    response = client.post(url("programmes-status", session), {"status": "attended"})
    assert response.status_code == 302 and response["Location"].endswith("#status")
    session.refresh_from_db()
    assert session.status == "attended"


def test_a_cancellation_by_the_client_is_one_choice(client, session, therapist):
    client.force_login(therapist)
    client.post(url("programmes-status", session), {"status": "cancelled:client", "note": "ill"})
    session.refresh_from_db()
    assert (session.status, session.cancelled_by, session.status_note) == (
        "cancelled",
        "client",
        "ill",
    )


def test_no_choice_comes_back_with_an_error_summary(client, session, therapist):
    client.force_login(therapist)
    response = client.post(url("programmes-status", session), {})
    assert response.status_code == 400
    assert "There is a problem" in response.text and "Choose what happened" in response.text


def test_ratings_are_saved_from_the_radio_rows(client, session, therapist):
    client.force_login(therapist)
    response = client.post(
        url("programmes-ratings", session, "pre"), {"pre_nrs-pain": "6", "pre_nrs-stress": "3"}
    )
    assert response.status_code == 302
    assert SessionRating.objects.filter(phase="pre").count() == 2


def test_a_rating_out_of_range_names_the_rating(client, session, therapist):
    client.force_login(therapist)
    response = client.post(url("programmes-ratings", session, "post"), {"post_nrs-pain": "12"})
    assert response.status_code == 400
    assert "Pain after the session" in response.text
    assert not SessionRating.objects.exists()


def test_an_unknown_phase_sends_back_to_the_session(client, session, therapist):
    client.force_login(therapist)
    response = client.post(url("programmes-ratings", session, "during"), {})
    assert response.status_code == 302


def test_the_note_is_saved_as_a_draft_then_signed(client, session, therapist):
    client.force_login(therapist)
    fields = {"subjective": "Calves tight.", "body_regions": ["lower_leg_left"], "minutes": "40"}
    client.post(url("programmes-note", session), {**fields, "action": "draft"})
    note = SessionNote.objects.get()
    assert not note.is_signed and note.body_regions == ["lower_leg_left"] and note.minutes == 40
    client.post(url("programmes-note", session), {**fields, "action": "sign"})
    note.refresh_from_db()
    assert note.is_signed


def test_signing_an_empty_note_comes_back_naming_the_field(client, session, therapist):
    client.force_login(therapist)
    response = client.post(url("programmes-note", session), {"action": "sign"})
    assert response.status_code == 400
    assert "Write at least one part of the note" in response.text
    assert not SessionNote.objects.exists()


def test_an_amendment_needs_a_reason_and_makes_version_2(client, session, therapist):
    note = services.save_note(therapist, session, {"subjective": "Left calf."}, sign=True)
    client.force_login(therapist)
    page = url("programmes-amend", session)
    assert "Left calf." in client.get(page).text
    refused = client.post(page, {"subjective": "Right calf."})
    assert refused.status_code == 400 and "Why is the note amended?" in refused.text
    client.post(page, {"subjective": "Right calf.", "reason": "Wrong side."})
    assert services.current_note(session).version == 2
    note.refresh_from_db()
    assert note.subjective == "Left calf."


def test_a_draft_cannot_be_amended_from_its_page(client, session, therapist):
    services.save_note(therapist, session, {"subjective": "Draft."})
    client.force_login(therapist)
    response = client.get(url("programmes-amend", session))
    assert response.status_code == 302


def test_an_adverse_event_is_recorded_and_raises_a_flag(client, session, therapist):
    client.force_login(therapist)
    response = client.post(
        url("programmes-adverse-event", session),
        {
            "occurred_on": today().isoformat(),
            "kind": "bruising",
            "severity": "mild",
            "action_taken": "Ice pack; lighter pressure next time.",
        },
    )
    assert response.status_code == 302
    event = AdverseEvent.objects.get()
    assert event.session == session and SafetyFlag.objects.get() == event.flag


def test_an_adverse_event_without_the_action_taken_comes_back_naming_it(client, session, therapist):
    client.force_login(therapist)
    response = client.post(
        url("programmes-adverse-event", session),
        {"occurred_on": today().isoformat(), "kind": "bruising", "severity": "mild"},
    )
    assert response.status_code == 400
    assert (
        "What was done about it?" in response.text
        and '<details class="details" open>' in response.text
    )
    assert not AdverseEvent.objects.exists()


def test_the_adverse_events_flag_page_says_where_it_came_from(client, session, therapist):
    event = services.record_adverse_event(
        therapist,
        session.enrolment.client,
        services.Report(today(), "heat", "moderate", "Cooled the room; stopped early."),
        session,
    )
    client.force_login(therapist)
    text = client.get(reverse("instruments-flag", args=[event.flag.pk])).text
    assert "an adverse event recorded after a session" in text
    assert "Symptoms worse with warmth" in text and "Acknowledge the flag" in text
