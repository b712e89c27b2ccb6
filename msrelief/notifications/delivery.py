"""Sending what the outbox holds, with retries and back-off.

A try claims the message in a short transaction (so two workers never send it twice at once,
and SQLite's write lock is not held while the mail server is slow), sends outside any
transaction, then records the outcome. A worker that dies mid-send leaves the claim to expire,
and the message is tried again: delivery is at least once, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from msrelief.notifications import withdrawal
from msrelief.notifications.models import Delivery, DeliveryAttempt, Message

logger = logging.getLogger(__name__)

# Wait after the 1st, 2nd, ... failed try. After the last, the message is marked not delivered
# (staff see it, and can send it again); the safety alert stays on the dashboard meanwhile.
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(hours=1),
    dt.timedelta(hours=3),
    dt.timedelta(hours=6),
    dt.timedelta(hours=12),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# How long a claimed message is left to one worker before another may try it.
CLAIM = dt.timedelta(minutes=5)
REDACTED = "(The text of this message held a private link and was removed once it was sent.)"


@dataclass(frozen=True)
class Outcome:
    message_id: int
    state: str  # "sent", "retry", "failed", "skipped", "withdrawn" or "deferred"
    retry_at: dt.datetime | None = None
    error: str = ""


def _claim(message_id: int, now: dt.datetime) -> Message | Outcome | None:
    """The message, claimed for one try; an outcome instead if the last look
    (``withdrawal.py``) withdraws or defers it; None when it is not due or another worker
    has it."""
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != Delivery.QUEUED or message.next_attempt_at > now:
            return None
        verdict = withdrawal.verdict(message, now)
        if verdict.withdraw:
            message.status = Delivery.WITHDRAWN
            message.last_error = verdict.withdraw[:2000]
            message.save(update_fields=["status", "last_error"])
            return Outcome(message_id, "withdrawn", error=verdict.withdraw)
        if verdict.not_before is not None and verdict.not_before > now:
            message.next_attempt_at = verdict.not_before
            message.save(update_fields=["next_attempt_at"])
            return Outcome(message_id, "deferred", retry_at=verdict.not_before)
        message.attempts += 1
        message.next_attempt_at = now + CLAIM
        message.save(update_fields=["attempts", "next_attempt_at"])
        return message


def _send(message: Message) -> None:
    email = EmailMultiAlternatives(message.subject, message.body_text, None, [message.to_address])
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    email.send(fail_silently=False)


def attempt(message_id: int, now: dt.datetime | None = None) -> Outcome:
    """Try to send one message if it is due; record the try and schedule the next one."""
    now = now or timezone.now()
    message = _claim(message_id, now)
    if message is None:
        return Outcome(message_id, "skipped")
    if isinstance(message, Outcome):
        return message
    try:
        _send(message)
    except Exception as error:  # any failure of the mail backend is recorded and retried
        return _failed(message, now, f"{type(error).__name__}: {error}"[:2000])
    with transaction.atomic():
        DeliveryAttempt.objects.create(message=message, attempted_at=now, succeeded=True)
        message.status = Delivery.SENT
        message.sent_at = now
        message.last_error = ""
        fields = ["status", "sent_at", "last_error"]
        if message.redact_when_sent:
            message.body_text, message.body_html = REDACTED, ""
            fields += ["body_text", "body_html"]
        message.save(update_fields=fields)
    return Outcome(message_id, "sent")


def _failed(message: Message, now: dt.datetime, error: str) -> Outcome:
    logger.warning(
        "Message #%s (%s) not sent, try %s: %s", message.pk, message.kind, message.attempts, error
    )
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            message=message, attempted_at=now, succeeded=False, error=error
        )
        message.last_error = error
        if message.attempts >= MAX_ATTEMPTS:
            message.status = Delivery.FAILED
            message.save(update_fields=["status", "last_error"])
            return Outcome(message.pk, "failed", error=error)
        message.next_attempt_at = now + BACKOFF[message.attempts - 1]
        message.save(update_fields=["next_attempt_at", "last_error"])
    return Outcome(message.pk, "retry", retry_at=message.next_attempt_at, error=error)


def due(now: dt.datetime | None = None) -> list[int]:
    """Ids of queued messages whose next try is due."""
    now = now or timezone.now()
    return list(
        Message.objects.filter(status=Delivery.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)
    )


def deliver_due(now: dt.datetime | None = None) -> list[Outcome]:
    """Try every message that is due (the timer's sweep and ``msrelief send-queued``)."""
    return [attempt(message_id, now) for message_id in due(now)]
