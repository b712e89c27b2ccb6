"""Quiet hours: the part of each night in which no reminder is sent, read in the recipient's
own time zone. Pure Python (no Django); table-tested in ``tests/test_quiet_hours.py`` of the
programmes app, across a daylight-saving change."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from msrelief.lib.env import SettingError

_SPAN = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$")
NONE_WORDS = frozenset({"", "none", "off"})


@dataclass(frozen=True)
class QuietHours:
    """From ``start`` (included) to ``end`` (excluded), local wall-clock time; a span that
    starts later than it ends runs over midnight. Equal ends mean no quiet hours."""

    start: dt.time
    end: dt.time

    @property
    def text(self) -> str:
        if self.start == self.end:
            return "none"
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def contains(self, wall: dt.time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= wall < self.end
        return wall >= self.start or wall < self.end

    def next_allowed(self, moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
        """``moment`` itself when it is outside quiet hours in ``zone``, otherwise the instant
        quiet hours end there (in UTC). A wall-clock end that a daylight-saving change skips
        is read with the offset before the change, which lands just after the gap."""
        local = moment.astimezone(zone)
        if not self.contains(local.time().replace(tzinfo=None)):
            return moment
        day = local.date()
        if local.time().replace(tzinfo=None) >= self.end:
            day += dt.timedelta(days=1)
        ends = dt.datetime.combine(day, self.end, tzinfo=zone)
        return max(ends.astimezone(dt.UTC), moment)


def parse_quiet_hours(name: str, value: str) -> QuietHours:
    """``21:00-08:00`` (or ``none``) as :class:`QuietHours`; anything else is an error naming
    the variable."""
    text = value.strip().lower().replace(" ", "")
    if text in NONE_WORDS:
        return QuietHours(dt.time(0, 0), dt.time(0, 0))
    match = _SPAN.match(text)
    if match is None:
        raise SettingError(
            f"{name}={value!r}: write the quiet hours as HH:MM-HH:MM (24-hour clock), "
            "such as 21:00-08:00, or none"
        )
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    return QuietHours(dt.time(start_h, start_m), dt.time(end_h, end_m))


_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


def parse_time_of_day(name: str, value: str) -> dt.time:
    """``18:00`` (24-hour clock) as a time of day; anything else is an error naming the
    variable."""
    match = _TIME.match(value.strip().replace(" ", ""))
    if match is None:
        raise SettingError(
            f"{name}={value!r}: write a time of day as HH:MM (24-hour clock), such as 18:00"
        )
    return dt.time(int(match.group(1)), int(match.group(2)))
