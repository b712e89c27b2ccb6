"""What the client record shows of the reminders: the latest sends and skips, with reasons."""

from __future__ import annotations

from django.db.models import QuerySet

from msrelief.clients.models import Client
from msrelief.programmes.reminders.models import ReminderLog

SHOWN = 10


def recent_for(client: Client) -> QuerySet[ReminderLog]:
    """The client's latest reminder decisions, newest first (the record is already audited
    as viewed, and fetched for the viewer's clinic, by the page that includes this)."""
    return ReminderLog.objects.filter(client=client).select_related("message")[:SHOWN]
