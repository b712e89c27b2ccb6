"""GET /calendar/<token>.ics: the calendar for whoever holds a working address, a plain 404
for any other, and nothing in it about the client's health."""

import datetime as dt
import logging
import re

import pytest
from django.utils import timezone

from msrelief.instruments import services as measures
from msrelief.programmes import services as programmes
from msrelief.programmes.calendar import services
from msrelief.programmes.tests.factories import enrol, today
from msrelief.scoring import get_definition
from msrelief.testing import make_client_record

UNKNOWN = "Zq8vN3pR7tW1xY5bC9dF2gH6jK4mL0sA8eU3iO7abcd"


def by_uid(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def later_session(enrolment):
    return enrolment.sessions.filter(starts_at__gt=timezone.now()).first()


def test_a_client_feed_answers_a_calendar_with_private_headers(client, ms_client, therapist):
    _, token = services.create_client_feed(therapist, ms_client)
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache
    assert response["X-Robots-Tag"] == "noindex"
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")


def test_the_client_feed_lists_every_session_with_a_stable_uid_dtstamp_and_the_time_zone(
    enrolment, ms_client, therapist, fetch, settings
):
    _, token = services.create_client_feed(therapist, ms_client)
    calendar = fetch(token)
    sessions = {k: v for k, v in by_uid(calendar).items() if k.startswith("session-")}
    assert set(sessions) == {f"session-{s.pk}@127.0.0.1" for s in enrolment.sessions.all()}
    for event in calendar.walk("VEVENT"):
        assert "DTSTAMP" in event
    for event in sessions.values():
        assert event["SUMMARY"] == "Massage session"
        assert event["LOCATION"] == ms_client.clinic.name
        assert event["DTSTART"].params["TZID"] == settings.TIME_ZONE
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [settings.TIME_ZONE]


def test_a_moved_session_keeps_its_uid_and_its_sequence_grows(
    enrolment, ms_client, therapist, fetch
):
    _, token = services.create_client_feed(therapist, ms_client)
    session = later_session(enrolment)
    uid = f"session-{session.pk}@127.0.0.1"
    before = by_uid(fetch(token))[uid]
    programmes.move_session(
        therapist, session, session.local_date + dt.timedelta(days=1), dt.time(15, 30)
    )
    after = by_uid(fetch(token))[uid]
    assert after.start.date() == before.start.date() + dt.timedelta(days=1)
    assert (after.start.hour, after.start.minute) == (15, 30)
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after["DTSTAMP"].dt >= before["DTSTAMP"].dt
    programmes.move_session(
        therapist, session, session.local_date + dt.timedelta(days=2), dt.time(9, 0)
    )
    assert by_uid(fetch(token))[uid]["SEQUENCE"] > after["SEQUENCE"]


def test_a_cancelled_session_stays_in_the_feed_as_cancelled(enrolment, ms_client, therapist, fetch):
    _, token = services.create_client_feed(therapist, ms_client)
    session = later_session(enrolment)
    programmes.record_session_status(therapist, session, "cancelled", "client", "Has a cold.")
    event = by_uid(fetch(token))[f"session-{session.pk}@127.0.0.1"]
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1
    others = [
        e
        for k, e in by_uid(fetch(token)).items()
        if k.startswith("session-") and k != f"session-{session.pk}@127.0.0.1"
    ]
    assert others and all(e["STATUS"] == "CONFIRMED" for e in others)


def test_questionnaire_due_dates_are_all_day_events_that_name_no_questionnaire(
    enrolment, ms_client, therapist, fetch
):
    _, token = services.create_client_feed(therapist, ms_client)
    dues = [e for k, e in by_uid(fetch(token)).items() if k.startswith("due-")]
    days = sorted({m.due_on for m in enrolment.measures.exclude(administration=None)})
    assert sorted(e.start for e in dues) == days and len(dues) == len(days)
    assert all(e["SUMMARY"] == "Questionnaire due" for e in dues)
    assert all(isinstance(e.start, dt.date) and not isinstance(e.start, dt.datetime) for e in dues)


def test_a_due_date_whose_questionnaires_are_all_cancelled_is_marked_cancelled(
    enrolment, ms_client, therapist, fetch
):
    _, token = services.create_client_feed(therapist, ms_client)
    end = enrolment.measures.exclude(administration=None).order_by("-due_on").first()
    for measure in enrolment.measures.filter(week=end.week).exclude(administration=None):
        measures.cancel_administration(therapist, measure.administration)
    event = by_uid(fetch(token))[f"due-{enrolment.pk}-week-{end.week}@127.0.0.1"]
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] >= 1


def test_the_feed_holds_no_instrument_name_no_note_text_and_no_score(
    session, enrolment, ms_client, therapist, client
):
    programmes.save_note(
        therapist, session, {"subjective": "Spasticity worse in the calves."}, sign=False
    )
    programmes.record_ratings(therapist, session, "pre", {"nrs-pain": 7})
    programmes.record_session_status(
        therapist, later_session(enrolment), "cancelled", "client", "Relapse, on steroids."
    )
    _, token = services.create_client_feed(therapist, ms_client)
    body = client.get(f"/calendar/{token}.ics").content.decode()
    assert "SUMMARY:Massage session" in body and "SUMMARY:Questionnaire due" in body
    instruments = set()
    for measure in enrolment.measures.all():
        title = get_definition(measure.instrument_code).title
        instruments |= {measure.instrument_code, measure.trial_instrument, title}
    words = {"Spasticity", "calves", "Relapse", "steroids", "Swedish", "7.0", "score", "pain"}
    for secret in sorted(instruments | words | {ms_client.display_name}):
        assert not re.search(rf"\b{re.escape(secret)}\b", body, re.IGNORECASE), secret


def test_a_revoked_feed_answers_404_like_an_unknown_one(client, ms_client, therapist):
    feed, token = services.create_client_feed(therapist, ms_client)
    assert client.get(f"/calendar/{token}.ics").status_code == 200
    services.revoke_feed(therapist, feed)
    revoked = client.get(f"/calendar/{token}.ics")
    unknown = client.get(f"/calendar/{UNKNOWN}.ics")
    assert revoked.status_code == unknown.status_code == 404
    assert revoked.content == unknown.content
    assert b"revoked" not in revoked.content.lower()


def test_a_replaced_feed_answers_404_and_the_new_one_works(client, ms_client, therapist):
    _, old = services.create_client_feed(therapist, ms_client)
    _, new = services.create_client_feed(therapist, ms_client)
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


@pytest.mark.parametrize("token", ["x", "a" * 500, "not%20a%20token", "abc.def.ghi.jkl.mno.pqr"])
def test_a_malformed_token_answers_404(client, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_the_feed_only_answers_get_and_head(client, ms_client, therapist):
    _, token = services.create_client_feed(therapist, ms_client)
    assert client.head(f"/calendar/{token}.ics").status_code == 200
    assert client.post(f"/calendar/{token}.ics").status_code in (403, 405)


def test_the_token_of_a_feed_never_reaches_the_logs(client, ms_client, therapist, caplog):
    feed, token = services.create_client_feed(therapist, ms_client)
    caplog.set_level(logging.DEBUG)
    client.get(f"/calendar/{token}.ics")
    services.revoke_feed(therapist, feed)
    client.get(f"/calendar/{token}.ics")
    assert "Not Found: /calendar/…" in caplog.text
    assert token not in caplog.text


def test_a_therapist_feed_lists_the_sessions_they_give_with_the_clients_display_name(
    enrolment, therapist, colleague, template, ms_client, fetch
):
    other = make_client_record(colleague, display_name="Sam")
    theirs = enrol(colleague, other, template, start=today() + dt.timedelta(days=3))
    _, token = services.create_therapist_feed(therapist, therapist)
    events = by_uid(fetch(token))
    sessions = [e for k, e in events.items() if k.startswith("session-")]
    assert {str(e["SUMMARY"]) for e in sessions} == {"Massage session: Robin Example"}
    assert len(sessions) == enrolment.sessions.count()
    assert all(f"session-{s.pk}-therapist@127.0.0.1" not in events for s in theirs.sessions.all())
    assert all(
        str(e["URL"]).startswith("http://127.0.0.1:8000/programmes/sessions/") for e in sessions
    )
    dues = [e for k, e in events.items() if k.startswith("due-")]
    assert dues and {str(e["SUMMARY"]) for e in dues} == {"Measures due: Robin Example"}


def test_a_therapist_feed_stops_when_the_login_is_switched_off(client, therapist):
    _, token = services.create_therapist_feed(therapist, therapist)
    therapist.is_active = False
    therapist.save()
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_the_feed_holds_only_the_last_and_next_twelve_months(client, ms_client, therapist, fetch):
    old = enrol(therapist, ms_client, start=today() - dt.timedelta(weeks=12))
    _, token = services.create_client_feed(therapist, ms_client)
    in_a_year = today() + dt.timedelta(days=400)
    far = programmes.add_session(therapist, old, in_a_year, dt.time(11, 0))
    near = programmes.add_session(therapist, old, today() + dt.timedelta(days=300), dt.time(11, 0))
    uids = set(by_uid(fetch(token)))
    assert f"session-{near.pk}@127.0.0.1" in uids
    assert f"session-{far.pk}@127.0.0.1" not in uids
