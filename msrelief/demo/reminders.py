"""Demo reminders: enough for ``msrelief send-reminders --dry-run`` to list reminders and skips
right after ``load-demo``. Ana Demo-Rowan has an email address and a session added a few hours
from now (her reminder would go, or wait if that is at night); D. Demo-Okafor has an address
but chose no reminders; B. Demo-Hale has no address, and a session added for later today that
he cancelled. The programmes' overdue questionnaires make the therapist's daily email."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients import services as clients
from msrelief.clients.models import Client, ReminderChannel
from msrelief.programmes import services
from msrelief.programmes.models import Enrolment, PlannedSession

ADDRESSES = {
    "Ana Demo-Rowan": ("ana.demo-rowan@example.test", ReminderChannel.EMAIL),
    "D. Demo-Okafor": ("d.demo-okafor@example.test", ReminderChannel.NONE),
}
HALF_HOUR = dt.timedelta(minutes=30)


def load(therapist: User, made: list[Client]) -> None:
    by_name = {client.display_name: client for client in made}
    for name, (address, channel) in ADDRESSES.items():
        clients.update_client(therapist, by_name[name], email=address, reminders=channel)
    _add_session(therapist, by_name["Ana Demo-Rowan"], dt.timedelta(hours=3))
    hale = _add_session(therapist, by_name["B. Demo-Hale"], dt.timedelta(hours=5))
    if hale is not None:
        services.record_session_status(therapist, hale, "cancelled", "client", "Transport.")


def _add_session(therapist: User, client: Client, after: dt.timedelta) -> PlannedSession | None:
    """A session for ``client`` at the first free half hour ``after`` from now."""
    enrolment = Enrolment.objects.filter(client=client).first()
    if enrolment is None:
        return None
    now = timezone.localtime()
    moment = (now + after).replace(minute=0, second=0, microsecond=0)
    for step in range(12):
        local = timezone.localtime(moment + step * HALF_HOUR)
        try:
            return services.add_session(therapist, enrolment, local.date(), local.time())
        except ValidationError:  # the therapist has another session then: try later
            continue
    return None
