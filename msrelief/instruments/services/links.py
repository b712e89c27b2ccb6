"""A new link for a questionnaire that is still open, shown to staff or emailed to the client.

Only the hash of a link's token is stored, so a link cannot be shown or sent a second time:
both "new link" and "email a new link" make a new token, and the link given out before stops
working at once. Nothing else changes: the answers saved so far stay, and so do the status and
the start date. The new link is open for ``MSRELIEF_LINK_DAYS`` days from today (or from the
start date, if that is later), and never for less time than the link it replaces.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat, timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.restriction import ensure_unrestricted
from msrelief.instruments import tokens
from msrelief.instruments.models import Administration, Status
from msrelief.instruments.services._common import definition_or_error, staff_client
from msrelief.instruments.services.assigning import link_expiry, queue_link_email
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind


@transaction.atomic
def issue_new_link(actor: User, administration: Administration) -> tuple[Administration, str]:
    """Replace the link of an open questionnaire; returns the administration and the new token
    (shown once, like the first). The old link stops working at once."""
    return _replace_link(actor, administration, email_client=False)


@transaction.atomic
def email_new_link(actor: User, administration: Administration) -> tuple[Administration, str]:
    """Replace the link of an open questionnaire and email the new one to the client through
    the outbox (sent after commit). The old link, and any earlier email's, stops working."""
    return _replace_link(actor, administration, email_client=True)


def _replace_link(
    actor: User, administration: Administration, *, email_client: bool
) -> tuple[Administration, str]:
    client = staff_client(actor, administration.client)
    ensure_unrestricted(client, "a new questionnaire link")
    locked = (
        Administration.objects.select_for_update()
        .filter(pk=administration.pk, client=client)
        .first()
    )
    if locked is None:
        raise ValidationError("This questionnaire is not one of this client's.")
    check_replaceable(locked)
    if email_client and not client.email:
        raise ValidationError(
            {"email_client": "This client has no email address on record, so nothing was sent."}
        )
    token = tokens.new_token()
    start = max(locked.available_from, timezone.localdate())
    expires = link_expiry(start)
    if locked.token_expires_at is not None:
        expires = max(expires, locked.token_expires_at)
    locked.client = client
    locked.token_hash = tokens.hash_token(token)
    locked.token_expires_at = expires
    locked.save(update_fields=["token_hash", "token_expires_at"])
    administration.token_hash, administration.token_expires_at = locked.token_hash, expires
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=client.clinic,
        changes={"fields": ["token_hash", "token_expires_at"], "emailed": email_client},
        event="questionnaire.link_emailed" if email_client else "questionnaire.link_replaced",
    )
    # An earlier email still waiting holds the old link, which no longer works.
    outbox.withdraw_queued_about(locked, Kind.QUESTIONNAIRE_LINK, "a newer link replaced it")
    if email_client:
        definition = definition_or_error(locked.instrument_code, locked.instrument_version)
        queue_link_email(locked, definition, token)
    return locked, token


def check_replaceable(administration: Administration) -> None:
    """Why this questionnaire cannot have a new link, as a ValidationError."""
    if administration.status == Status.COMPLETED:
        raise ValidationError(
            "This questionnaire has already been submitted, so it needs no new link."
        )
    if administration.status == Status.CANCELLED:
        raise ValidationError(
            "This questionnaire was cancelled, so it cannot have a new link. "
            "Send the questionnaire again if it is still needed."
        )
    expires = administration.token_expires_at
    if expires is not None and expires < timezone.now():
        when = dateformat.format(timezone.localtime(expires), "j F Y")
        raise ValidationError(
            f"This questionnaire's link expired on {when}, so it cannot have a new link. "
            "Send the questionnaire again to give the client a new one."
        )
