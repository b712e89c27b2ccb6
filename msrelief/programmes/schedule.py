"""The dates of a programme's sessions and measures, from a start date: pure Python (no
Django), table-tested in ``tests/test_schedule.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

WEEK = dt.timedelta(days=7)


def session_dates(
    start: dt.date, weekdays: Iterable[int], weeks: int, total: int | None = None
) -> list[dt.date]:
    """Every day from ``start`` for ``weeks`` weeks (``weeks`` x 7 days, the start day
    included) whose ISO weekday (1 = Monday) is in ``weekdays``, at most ``total`` of them."""
    days = set(weekdays)
    found = [
        day
        for day in (start + dt.timedelta(days=offset) for offset in range(weeks * 7))
        if day.isoweekday() in days
    ]
    return found if total is None else found[:total]


def due_date(start: dt.date, week: int) -> dt.date:
    """When a time point ``week`` weeks after the start is due (week 0: the start day)."""
    return start + week * WEEK


def overlaps(
    start: dt.datetime, minutes: int, other_start: dt.datetime, other_minutes: int
) -> bool:
    """True if two sessions share any moment (one ending as the other starts does not)."""
    end = start + dt.timedelta(minutes=minutes)
    other_end = other_start + dt.timedelta(minutes=other_minutes)
    return start < other_end and other_start < end
