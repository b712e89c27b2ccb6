"""The outbox worker's last look at a queued portal sign-in or invitation email
(:mod:`msrelief.notifications.withdrawal`): an email whose link has expired, or was used (a
later email's link, say), is withdrawn instead of sent, so a client never receives a link that
no longer works. Registered for both kinds in ``PortalConfig.ready``."""

from __future__ import annotations

import datetime as dt

from msrelief.notifications.models import Message
from msrelief.notifications.withdrawal import GO, Verdict
from msrelief.portal.models import SignInLink


def link_verdict(message: Message, now: dt.datetime) -> Verdict:
    """Withdraw the email when its sign-in link can no longer be used."""
    if message.about_type != SignInLink._meta.label_lower or not message.about_id.isdigit():
        return GO
    link = SignInLink.objects.filter(pk=int(message.about_id)).only("expires_at", "used_at").first()
    if link is None:
        return Verdict(withdraw="the sign-in link no longer exists")
    if link.used_at is not None:
        return Verdict(withdraw="the sign-in link was used already")
    if link.expires_at <= now:
        return Verdict(withdraw="the sign-in link has expired")
    return GO
