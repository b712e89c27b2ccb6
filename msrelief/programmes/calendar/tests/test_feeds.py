"""feeds.build: plain rows in, an RFC 5545 calendar out, as a calendar app reads it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from msrelief.programmes.calendar.feeds import AllDay, Header, Timed, build

ZONE = "Europe/London"
CHANGED = dt.datetime(2026, 2, 1, 9, 30, tzinfo=dt.UTC)
HEADER = Header(
    uid="calendar-client-7@msrelief.example.org",
    name="Harbour Street Clinic: massage sessions",
    description="Sessions and due dates.",
    time_zone=ZONE,
    first_day=dt.date(2025, 3, 1),
    last_day=dt.date(2027, 3, 1),
)


STARTS = dt.datetime(2026, 3, 3, 10, 0, tzinfo=ZoneInfo(ZONE))


def timed(uid="session-1@x", starts=STARTS, **kw):
    values = {
        "uid": uid,
        "summary": "Massage session",
        "location": "Harbour Street Clinic",
        "starts_at": starts,
        "minutes": 50,
        "cancelled": False,
        "sequence": 0,
        "created": CHANGED,
        "modified": CHANGED,
    }
    return Timed(**{**values, **kw})


def due(uid="due-3-week-0@x", day=dt.date(2026, 3, 2), **kw):
    values = {
        "uid": uid,
        "summary": "Questionnaire due",
        "location": "Harbour Street Clinic",
        "day": day,
        "cancelled": False,
        "sequence": 0,
        "modified": CHANGED,
    }
    return AllDay(**{**values, **kw})


def parsed(*timed_rows, dues=()):
    return Calendar.from_ical(build(HEADER, timed_rows, dues))


def test_the_calendar_has_version_prodid_its_name_and_a_refresh_interval():
    calendar = parsed(timed())
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//msrelief//")
    assert calendar["UID"] == HEADER.uid
    assert calendar.calendar_name == HEADER.name
    assert calendar.refresh_interval == dt.timedelta(hours=1)
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in build(HEADER, [timed()])
    calendar.validate()


def test_a_session_starts_and_ends_in_the_time_zone_whose_vtimezone_is_included():
    calendar = parsed(timed())
    (event,) = calendar.events
    assert event["DTSTART"].params["TZID"] == ZONE
    assert event.start == dt.datetime(2026, 3, 3, 10, 0, tzinfo=ZoneInfo(ZONE))
    assert event.end - event.start == dt.timedelta(minutes=50)
    assert [tz["TZID"] for tz in calendar.timezones] == [ZONE]
    assert calendar.get_missing_tzids() == set()


def test_a_session_given_in_utc_is_written_in_the_local_time_of_the_zone():
    in_summer = dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC)  # 10:00 British Summer Time
    (event,) = parsed(timed(starts=in_summer)).events
    assert "DTSTART;TZID=Europe/London:20260701T100000" in event.to_ical().decode()


def test_every_event_has_a_utc_dtstamp_equal_to_its_last_change():
    later = dt.datetime(2026, 2, 5, 14, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    calendar = parsed(timed(modified=later), dues=[due()])
    for event in calendar.events:
        assert "DTSTAMP" in event
        assert event["DTSTAMP"].dt.tzinfo is not None
        assert event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
    stamps = {str(e["UID"]): e["DTSTAMP"].dt for e in calendar.events}
    assert stamps["session-1@x"] == later.astimezone(dt.UTC)
    assert b"DTSTAMP:20260205T010000Z" in build(HEADER, [timed(modified=later)])


def test_a_cancelled_session_stays_with_status_cancelled_and_is_not_busy():
    calendar = parsed(timed(cancelled=True, sequence=2), timed(uid="session-2@x"))
    events = {str(e["UID"]): e for e in calendar.events}
    assert events["session-1@x"]["STATUS"] == "CANCELLED"
    assert events["session-1@x"]["TRANSP"] == "TRANSPARENT"
    assert events["session-1@x"]["SEQUENCE"] == 2
    assert events["session-2@x"]["STATUS"] == "CONFIRMED"
    assert events["session-2@x"]["TRANSP"] == "OPAQUE"


def test_a_due_date_is_an_all_day_event_of_one_day_with_a_date_value():
    (event,) = parsed(dues=[due()]).events
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event.start == dt.date(2026, 3, 2) and event.end == dt.date(2026, 3, 3)
    assert "STATUS" not in event
    (cancelled,) = parsed(dues=[due(cancelled=True, sequence=1)]).events
    assert cancelled["STATUS"] == "CANCELLED" and cancelled["SEQUENCE"] == 1


def test_events_are_private_carry_no_organizer_and_name_the_clinic_as_the_location():
    for event in parsed(timed(), dues=[due()]).events:
        assert event["CLASS"] == "PRIVATE"
        assert "ORGANIZER" not in event
        assert event["LOCATION"] == "Harbour Street Clinic"


def test_events_come_in_order_of_their_start_whatever_order_the_rows_came_in():
    late = timed(uid="late@x", starts=dt.datetime(2026, 3, 3, 15, 0, tzinfo=ZoneInfo(ZONE)))
    early = timed(uid="early@x", starts=dt.datetime(2026, 3, 3, 8, 0, tzinfo=ZoneInfo(ZONE)))
    calendar = parsed(late, early, dues=[due(day=dt.date(2026, 3, 4))])
    assert [str(e["UID"]) for e in calendar.events] == ["early@x", "late@x", "due-3-week-0@x"]


def test_the_same_rows_give_the_same_bytes():
    assert build(HEADER, [timed()], [due()]) == build(HEADER, [timed()], [due()])


def test_a_calendar_with_no_events_is_still_a_valid_calendar():
    calendar = Calendar.from_ical(build(HEADER, []))
    assert calendar.events == [] and calendar["VERSION"] == "2.0"


@pytest.mark.parametrize("zone", ["Pacific/Auckland", "America/New_York", "UTC"])
def test_the_vtimezone_covers_the_zone_of_the_header(zone):
    header = Header(**{**HEADER.__dict__, "time_zone": zone})
    calendar = Calendar.from_ical(build(header, [timed(starts=CHANGED)]))
    (event,) = calendar.events
    assert event.start == CHANGED
    assert calendar.get_missing_tzids() == set()
