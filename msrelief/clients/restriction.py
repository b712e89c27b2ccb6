"""Restriction of processing: one check that every service accepting new information about a
client, or sending them anything, calls first (new questionnaire links, reminders, diary
check-ins, enrolments). The record itself stays readable; staff lift the restriction from it
(msrelief.privacy)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from msrelief.clients.models import Client

REFUSAL = (
    "Processing of this client's information is restricted (since {since}): {what} cannot be "
    "accepted until the clinic lifts the restriction on the client record."
)


def restriction_reason(client: Client) -> str:
    """Why nothing new may be done with ``client``'s information, or "" when it may."""
    if client.restricted_since is None:
        return ""
    return f"processing is restricted since {timezone.localdate(client.restricted_since)}"


def ensure_unrestricted(client: Client, what: str) -> None:
    """Raise ``ValidationError`` (naming ``what`` was refused) while processing of ``client``'s
    information is restricted."""
    if client.restricted_since is not None:
        since = timezone.localdate(client.restricted_since).isoformat()
        raise ValidationError(REFUSAL.format(since=since, what=what))
