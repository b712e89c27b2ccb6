"""Dates and times as pages and emails write them for people (a link's closing time, say)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import dateformat, timezone

register = template.Library()

# "Tuesday 15 December 2026, 23:59", in the site's time zone (MSRELIEF_TIME_ZONE).
IN_WORDS = "l j F Y, H:i"


@register.filter
def in_words(value: dt.datetime | None) -> str:
    """'Tuesday 15 December 2026, 23:59' in the site's time zone; empty for no value."""
    if value is None:
        return ""
    return dateformat.format(timezone.localtime(value), IN_WORDS)
