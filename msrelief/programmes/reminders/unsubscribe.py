"""Stopping and restarting reminders through an email's own link, without signing in. The link
names its recipient: a client (their reminders stop: ``Client.reminders`` becomes "none") or
a therapist (their overdue-measure emails stop). Only a hash of each token is kept; the link
keeps working, so that the page can offer to start again. Audited, with no actor."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.urls import reverse

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client, ReminderChannel
from msrelief.instruments import tokens
from msrelief.programmes.reminders.models import StaffOptOut, UnsubscribeLink

MAX_TOKEN_LENGTH = 100


def new_link(client: Client | None = None, user: User | None = None) -> str:
    """A new unsubscribe link for one reminder email to ``client`` or to ``user`` (a therapist):
    its full address, holding a token of which only the hash is kept."""
    token = tokens.new_token()
    UnsubscribeLink.objects.create(token_hash=tokens.hash_token(token), client=client, user=user)
    return settings.BASE_URL + reverse("reminders-unsubscribe", kwargs={"token": token})


def link_or_404(token: str) -> UnsubscribeLink:
    """The link of ``token``, or 404 (for an unknown, malformed or overlong token)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Http404("No such link")
    found = (
        UnsubscribeLink.objects.select_related("client", "user")
        .filter(token_hash=tokens.hash_token(token))
        .first()
    )
    if found is None:
        raise Http404("No such link")
    return found


def is_subscribed(link: UnsubscribeLink) -> bool:
    if link.client is not None:
        return link.client.reminders != ReminderChannel.NONE
    return not StaffOptOut.objects.filter(user=link.user).exists()


@transaction.atomic
def stop(token: str) -> UnsubscribeLink:
    """No more reminders to the link's recipient (nothing changes if they had none)."""
    link = link_or_404(token)
    if link.client is not None:
        _set_channel(link.client, ReminderChannel.NONE, "client.reminders_stopped")
    elif link.user is not None:
        _, created = StaffOptOut.objects.get_or_create(user=link.user)
        if created:
            audit.record(
                None,
                Action.UPDATE,
                link.user,
                clinic=link.user.clinic,
                event="user.reminders_stopped",
            )
    return link


@transaction.atomic
def restart(token: str) -> UnsubscribeLink:
    """Reminders to the link's recipient again (a client's go by email)."""
    link = link_or_404(token)
    if link.client is not None:
        _set_channel(link.client, ReminderChannel.EMAIL, "client.reminders_restarted")
    elif link.user is not None:
        deleted, _ = StaffOptOut.objects.filter(user=link.user).delete()
        if deleted:
            audit.record(
                None,
                Action.UPDATE,
                link.user,
                clinic=link.user.clinic,
                event="user.reminders_restarted",
            )
    return link


def _set_channel(client: Client, channel: str, event: str) -> None:
    locked = Client.objects.select_for_update().get(pk=client.pk)
    if locked.reminders == channel:
        return
    locked.reminders = channel
    locked.save(update_fields=["reminders"])
    client.reminders = channel
    audit.record(
        None,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": ["reminders"]},
        event=event,
    )
