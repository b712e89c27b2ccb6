"""Giving a client a questionnaire (a link, optionally emailed) and cancelling one."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client
from msrelief.clients.restriction import ensure_unrestricted
from msrelief.instruments import rendering, tokens
from msrelief.instruments.models import Administration, Layout, Status
from msrelief.instruments.services._common import definition_or_error, staff_client
from msrelief.lib.limits import MAX_SCHEDULE_DAYS
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind
from msrelief.scoring.definition import Definition

SELF_REPORT = "self-report"


@transaction.atomic
def assign_instrument(
    actor: User,
    client: Client,
    code: str,
    *,
    available_from: dt.date | None = None,
    layout: str = Layout.AUTO,
    email_client: bool = False,
) -> tuple[Administration, str]:
    """Give ``client`` a questionnaire to fill in, now or from ``available_from``.

    Returns the administration and the link's token; the token is not stored (only its hash),
    so this is the only moment it can be shown or sent. An emailed link goes through the
    outbox and is sent after commit.
    """
    client = staff_client(actor, client)
    ensure_unrestricted(client, "a new questionnaire")
    definition = definition_or_error(code)
    start = available_from or timezone.localdate()
    check_assignable(client, definition, start, email_client)
    token = tokens.new_token()
    expires = link_expiry(start)
    administration = Administration.objects.create(
        clinic=client.clinic,
        client=client,
        instrument_code=definition.code,
        instrument_version=definition.version,
        assigned_by=actor,
        available_from=start,
        layout=layout,
        token_hash=tokens.hash_token(token),
        token_expires_at=expires,
    )
    audit.record(
        actor,
        Action.CREATE,
        administration,
        clinic=client.clinic,
        changes={"instrument": definition.key, "emailed": email_client},
        event="questionnaire.assigned",
    )
    if email_client:
        queue_link_email(administration, definition, token)
    return administration, token


def check_assignable(
    client: Client, definition: Definition, start: dt.date, email_client: bool
) -> None:
    """Why this questionnaire cannot be sent to this client this way, as a ValidationError."""
    if definition.spec.administration != SELF_REPORT:
        raise ValidationError(
            {
                "instrument": f"{definition.title} is not a questionnaire the client fills in "
                "(it is measured or rated by a clinician). Enter its result yourself instead."
            }
        )
    if not rendering.can_be_shown(client.clinic_id, definition):
        raise ValidationError(
            {
                "instrument": f"{definition.title} is licensed: its questions are not shipped. "
                "A clinic admin can import your clinic's licensed wording for it (Licensed "
                "wording), or you can enter the answers yourself from the paper form."
            }
        )
    if start < timezone.localdate():
        raise ValidationError({"available_from": "The start date cannot be in the past."})
    # The horizon also keeps the link's expiry date within range.
    if start > timezone.localdate() + dt.timedelta(days=MAX_SCHEDULE_DAYS):
        limit = f"The start date can be at most {MAX_SCHEDULE_DAYS} days from today."
        raise ValidationError({"available_from": limit})
    if email_client and not client.email:
        raise ValidationError({"email_client": "This client has no email address on record."})


def link_url(token: str) -> str:
    """The whole link, from the configured public address (never from a request's Host)."""
    return settings.BASE_URL + reverse("fill-start", kwargs={"token": token})


def link_expiry(start: dt.date) -> dt.datetime:
    """When a link made for a questionnaire open from ``start`` stops working: the end of that
    day in the site's time zone, plus ``MSRELIEF_LINK_DAYS`` days."""
    end_of_start = timezone.make_aware(dt.datetime.combine(start, dt.time.max))
    return end_of_start + dt.timedelta(days=settings.QUESTIONNAIRE_LINK_DAYS)


def queue_link_email(administration: Administration, definition: Definition, token: str) -> None:
    """Write the email with the link to the outbox, in the caller's transaction."""
    client = administration.client
    outbox.queue_email(
        Kind.QUESTIONNAIRE_LINK,
        client.email,
        {
            "clinic_name": client.clinic.name,
            "title": definition.spec.short_title,
            "url": link_url(token),
            "expires": timezone.localtime(administration.token_expires_at),
        },
        clinic=client.clinic,
        about=administration,
    )


@transaction.atomic
def cancel_administration(actor: User, administration: Administration) -> None:
    """Cancel a questionnaire that has not been submitted; its link stops working. The row is
    locked and read again, so a cancel racing a submission never overwrites "completed"."""
    staff_client(actor, administration.client)
    locked = Administration.objects.select_for_update().get(pk=administration.pk)
    if not locked.is_open:
        raise ValidationError("Only a questionnaire that has not been submitted can be cancelled.")
    locked.status = Status.CANCELLED
    locked.save(update_fields=["status"])
    administration.status = locked.status
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": ["status"]},
        event="questionnaire.cancelled",
    )
