"""A mail backend that fails like a mail server that is down, for tests and for trying the
outbox by hand (``MSRELIEF_EMAIL_BACKEND`` cannot name it; tests set EMAIL_BACKEND)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend


class RefusingEmailBackend(BaseEmailBackend):
    """Every send fails with ConnectionRefusedError, as SMTP at a closed port does."""

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        raise ConnectionRefusedError(111, "Connection refused")
