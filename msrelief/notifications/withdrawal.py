"""The last look before a message leaves: an app may register, per message kind, a check that
says whether a queued message is still wanted now. The worker runs it inside the claim's
transaction, with the message row locked, just before each try. A check answers with a
:class:`Verdict`: go ahead; withdraw it, with a reason (a reminder of a session that was
cancelled since it was queued), so that it is never sent nor retried; or not before a later
moment (a retry that would land in the recipient's night).

The outbox knows nothing of the apps that register: a check gets the message and the moment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from msrelief.notifications.models import Message


@dataclass(frozen=True)
class Verdict:
    withdraw: str = ""  # why it is no longer wanted; "" when it is
    not_before: dt.datetime | None = None


GO = Verdict()
Check = Callable[[Message, dt.datetime], Verdict]
_CHECKS: dict[str, Check] = {}


def register(kind: str, check: Check) -> None:
    """Have ``check`` looked at before each try of each message of ``kind``."""
    _CHECKS[kind] = check


def verdict(message: Message, now: dt.datetime) -> Verdict:
    """Whether ``message`` may be sent at ``now`` (always, when no check is registered)."""
    check = _CHECKS.get(message.kind)
    return check(message, now) if check is not None else GO
