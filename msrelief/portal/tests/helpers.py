"""Reading the sign-in link out of the outbox, as the client reads it out of their email."""

from __future__ import annotations

import re
from typing import Any

from msrelief.notifications.models import Message


def link_path(message: Any) -> str:
    found = re.search(r"https?://[^/\s]+(/me/sign-in/[^/\s]+/)", message.body_text)
    assert found, message.body_text
    return found.group(1)


def latest_link_path() -> str:
    return link_path(Message.objects.order_by("-id").first())
