"""The calendar itself (RFC 5545), built from plain rows: no database, no Django, so that every
rule a calendar app relies on is tested on small tables.

What each event carries, and why:

- ``UID`` names the session or the due date, not the feed, so an event keeps its UID across
  edits, reschedules and a new feed address; a calendar app then updates the event it has
  instead of adding a copy.
- ``SEQUENCE`` grows with each change to the event (the rows count them), ``DTSTAMP`` and
  ``LAST-MODIFIED`` are the time of the last change (in UTC): with no ``METHOD``, RFC 5545
  makes ``DTSTAMP`` the time the event was last revised, so the same data gives the same bytes.
- Sessions start and end in the site's time zone (``TZID``), whose ``VTIMEZONE`` is added for
  the feed's window, so an app shows the right hour on both sides of a clock change.
- A cancelled event stays, with ``STATUS:CANCELLED`` and ``TRANSP:TRANSPARENT`` (not busy).
- No ``ORGANIZER``: RFC 5545 keeps it for group-scheduled events, and these are not
  invitations; the clinic's name is the ``LOCATION``.
- ``CLASS:PRIVATE``, so a diary shared with others shows the time as busy, not the event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration
from icalendar.enums import CLASS, STATUS, TRANSP

PRODID = "-//msrelief//Calendar feed 1.0//EN"
REFRESH = dt.timedelta(hours=1)
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Header:
    """The calendar: its own stable UID, its name, the time zone its events are shown in and
    the first and last day its events may fall on (the window of its ``VTIMEZONE``)."""

    uid: str
    name: str
    description: str
    time_zone: str
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Timed:
    """An event with a start time: a session."""

    uid: str
    summary: str
    location: str
    starts_at: dt.datetime  # aware
    minutes: int
    cancelled: bool
    sequence: int
    created: dt.datetime
    modified: dt.datetime
    url: str = ""


@dataclass(frozen=True)
class AllDay:
    """An event that takes a whole day and no time: a due date."""

    uid: str
    summary: str
    location: str
    day: dt.date
    cancelled: bool
    sequence: int
    modified: dt.datetime


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def _timed(event: Timed, zone: ZoneInfo) -> Event:
    start = event.starts_at.astimezone(zone)
    return Event.new(
        uid=event.uid,
        summary=event.summary,
        location=event.location,
        start=start,
        end=start + dt.timedelta(minutes=event.minutes),
        stamp=_utc(event.modified),
        created=_utc(event.created),
        last_modified=_utc(event.modified),
        sequence=event.sequence,
        status=STATUS.CANCELLED if event.cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.TRANSPARENT if event.cancelled else TRANSP.OPAQUE,
        classification=CLASS.PRIVATE,
        url=event.url or None,
    )


def _all_day(event: AllDay) -> Event:
    return Event.new(
        uid=event.uid,
        summary=event.summary,
        location=event.location,
        start=event.day,
        end=event.day + ONE_DAY,
        stamp=_utc(event.modified),
        last_modified=_utc(event.modified),
        sequence=event.sequence,
        transparency=TRANSP.TRANSPARENT,
        classification=CLASS.PRIVATE,
        status=STATUS.CANCELLED if event.cancelled else None,
    )


def build(header: Header, timed: Iterable[Timed], all_day: Iterable[AllDay] = ()) -> bytes:
    """The calendar with ``timed`` and ``all_day`` events, in order of their start, as bytes."""
    zone = ZoneInfo(header.time_zone)
    calendar = Calendar.new(
        prodid=PRODID,
        uid=header.uid,
        name=header.name,
        description=header.description,
        refresh_interval=REFRESH,
        calscale="GREGORIAN",
    )
    # Outlook and older Apple calendars read this one instead of REFRESH-INTERVAL.
    calendar.add("x-published-ttl", vDuration(REFRESH))
    dated: list[tuple[dt.datetime, str, Event]] = [
        (e.starts_at.astimezone(zone).replace(tzinfo=None), e.uid, _timed(e, zone)) for e in timed
    ]
    dated += [(dt.datetime.combine(e.day, dt.time.min), e.uid, _all_day(e)) for e in all_day]
    for _, _, event in sorted(dated, key=lambda row: row[:2]):
        calendar.add_component(event)
    calendar.add_missing_timezones(first_date=header.first_day, last_date=header.last_day + ONE_DAY)
    return bytes(calendar.to_ical())
