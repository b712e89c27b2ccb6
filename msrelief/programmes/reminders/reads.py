"""What the client record shows of the reminders: the latest sends and skips, with reasons."""

from __future__ import annotations

from msrelief.clients.models import Client
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup
from msrelief.programmes.reminders.models import ReminderLog

SHOWN = 10

# Compiled once per connection (core/prepared.py): the client record runs it on every visit.
_RECENT = PreparedLookup(
    ReminderLog,
    lambda client_id: ReminderLog.objects.filter(client=client_id).select_related("message")[
        :SHOWN
    ],
    marker=INTEGER_MARKER,
)


def recent_for(client: Client) -> list[ReminderLog]:
    """The client's latest reminder decisions, newest first (the record is already audited
    as viewed, and fetched for the viewer's clinic, by the page that includes this)."""
    return _RECENT.rows(client.pk)
