"""Retention: what has been kept longer than the settings allow (docs/privacy.md
"Retention"), and the purge that removes it. Clients past their period are erased by the same
service as an erasure by staff, as the system; messages and sign-in links are deleted. A client
on legal hold is passed over, and listed, however long ago their last contact was."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.notifications.models import Delivery, Message
from msrelief.portal.models import SignInLink
from msrelief.privacy import services

PURGE_REASON = "Retention period over (msrelief purge)"


def _past_period(now: dt.datetime) -> models.QuerySet[Client]:
    """Clients whose last contact (the latest of their record's last change, their last
    questionnaire answered and their last planned session) is more than
    settings.RETAIN_CLIENT_YEARS ago."""
    cutoff = now - dt.timedelta(days=365 * settings.RETAIN_CLIENT_YEARS)
    last = Greatest(
        "updated_at",
        Coalesce(models.Max("responses__submitted_at"), "updated_at"),
        Coalesce(models.Max("enrolments__sessions__starts_at"), "updated_at"),
    )
    return Client.objects.annotate(last_contact=last).filter(last_contact__lt=cutoff)


def clients_due(now: dt.datetime) -> models.QuerySet[Client]:
    """Clients past their retention period and not on legal hold: the purge erases these."""
    return _past_period(now).filter(legal_hold__isnull=True)


def held_past_period(now: dt.datetime | None = None) -> list[int]:
    """The numbers of the clients past their retention period whom a legal hold keeps."""
    now = now or timezone.now()
    held = _past_period(now).filter(legal_hold__isnull=False).order_by("pk")
    return list(held.values_list("pk", flat=True))


def messages_due(now: dt.datetime) -> models.QuerySet[Message]:
    cutoff = now - dt.timedelta(days=settings.RETAIN_MESSAGES_DAYS)
    return Message.objects.filter(created_at__lt=cutoff).exclude(status=Delivery.QUEUED)


def links_due(now: dt.datetime) -> models.QuerySet[SignInLink]:
    cutoff = now - dt.timedelta(days=settings.RETAIN_LINK_TOKENS_DAYS)
    return SignInLink.objects.filter(expires_at__lt=cutoff)


def due(now: dt.datetime | None = None) -> dict[str, int]:
    """How many of each kind the purge would remove now."""
    now = now or timezone.now()
    return {
        "clients": clients_due(now).count(),
        "messages": messages_due(now).count(),
        "sign-in links": links_due(now).count(),
    }


@transaction.atomic(durable=True)
def purge(now: dt.datetime | None = None) -> dict[str, int]:
    """Remove everything past its retention period; returns how many of each kind went."""
    now = now or timezone.now()
    erased = 0
    # The ids first: PostgreSQL locks no rows of a grouped query.
    ids = list(clients_due(now).values_list("pk", flat=True))
    for client in Client.objects.select_for_update().select_related("clinic").filter(pk__in=ids):
        services.erase_for_retention(client, PURGE_REASON)
        erased += 1
    messages, _ = messages_due(now).delete()
    links, _ = links_due(now).delete()
    return {"clients": erased, "messages": messages, "sign-in links": links}
