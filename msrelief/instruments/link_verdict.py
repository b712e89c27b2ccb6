"""The outbox worker's last look at a queued questionnaire-link email
(:mod:`msrelief.notifications.withdrawal`): an email whose questionnaire was cancelled or
submitted, whose link has expired, or whose client's processing is now restricted, is
withdrawn instead of sent, so no one receives a link that no longer works or should not have
been sent. Registered for :attr:`Kind.QUESTIONNAIRE_LINK` in ``InstrumentsConfig.ready``."""

from __future__ import annotations

import datetime as dt

from msrelief.instruments.models import Administration
from msrelief.notifications.models import Message
from msrelief.notifications.withdrawal import GO, Verdict


def link_verdict(message: Message, now: dt.datetime) -> Verdict:
    """Withdraw the link email when its questionnaire can no longer be filled in from it."""
    if message.about_type != Administration._meta.label_lower or not message.about_id.isdigit():
        return GO
    found = (
        Administration.objects.filter(pk=int(message.about_id))
        .select_related("client")
        .only("status", "token_expires_at", "client__restricted_since")
        .first()
    )
    if found is None:
        return Verdict(withdraw="the questionnaire no longer exists")
    if not found.is_open:
        return Verdict(withdraw=f"the questionnaire is {found.get_status_display().lower()}")
    if found.token_expires_at is not None and found.token_expires_at <= now:
        return Verdict(withdraw="the questionnaire's link has expired")
    if found.client.restricted_since is not None:
        return Verdict(withdraw="processing of the client's information is restricted")
    return GO
