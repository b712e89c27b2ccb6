"""The client record's calendar feed panel, loaded by name from the record's template (the
clients app does not import this one)."""

from __future__ import annotations

from typing import Any

from django import template

from msrelief.programmes.calendar.models import CalendarFeed

register = template.Library()


@register.simple_tag
def client_calendar_feed(client: Any) -> CalendarFeed | None:
    """The client's working feed, if any (the record's view has checked the reader)."""
    return (
        CalendarFeed.objects.select_related("created_by")
        .filter(client_id=client.pk, revoked_at__isnull=True)
        .first()
    )
