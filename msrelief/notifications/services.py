"""Every write to the outbox. :func:`queue_email` is called inside the service transaction of
the event that causes the message (a safety flag, a questionnaire link, a password reset), so
the message exists if and only if the event does; it is handed to the worker after commit."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.utils import timezone

from msrelief.accounts.models import Clinic, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.notifications.models import Delivery, Kind, Message

logger = logging.getLogger(__name__)

# Bodies that hold a secret link: a sign-in or questionnaire link, or (every reminder) the
# recipient's own unsubscribe link.
SECRET_BODIES = frozenset(
    {
        Kind.QUESTIONNAIRE_LINK,
        Kind.PASSWORD_RESET,
        Kind.PORTAL_SIGN_IN,
        Kind.PORTAL_INVITATION,
        Kind.SESSION_REMINDER,
        Kind.QUESTIONNAIRE_REMINDER,
        Kind.OVERDUE_MEASURES,
        Kind.DIARY_REMINDER,
    }
)
# Not sent and never to be: the condition that caused it no longer held at send time.
NOT_UNDELIVERED = (Delivery.SENT, Delivery.WITHDRAWN)


def render_email(kind: str, context: dict[str, object]) -> tuple[str, str, str]:
    """Subject, text body and HTML body from ``notifications/email/<kind>/``."""
    folder = f"notifications/email/{kind}"
    subject = " ".join(render_to_string(f"{folder}/subject.txt", context).split())
    text = render_to_string(f"{folder}/body.txt", context)
    html = render_to_string(f"{folder}/body.html", context)
    return subject, text, html


def queue_email(
    kind: Kind,
    to: str,
    context: dict[str, object],
    *,
    clinic: Clinic | None,
    about: models.Model | None = None,
) -> Message:
    """Write one email to the outbox in the caller's transaction; the worker sends it after
    commit. ``about`` is the record it concerns (a safety flag, an administration)."""
    if kind not in Kind.values:
        raise ValueError(f"Unknown message kind {kind!r}")
    subject, text, html = render_email(kind, context)
    message = Message.objects.create(
        kind=kind,
        clinic=clinic,
        about_type=about._meta.label_lower if about is not None else "",
        about_id=str(about.pk) if about is not None else "",
        client_ref=getattr(about, "client_id", None),
        to_address=to,
        subject=subject[:200],
        body_text=text,
        body_html=html,
        redact_when_sent=kind in SECRET_BODIES,
    )
    transaction.on_commit(lambda: hand_to_worker(message.pk))
    return message


def hand_to_worker(message_id: int) -> None:
    """Enqueue the delivery task. If even that fails, the message stays queued in the outbox
    and ``msrelief send-queued`` (run by a timer) sends it later; nothing is lost."""
    from msrelief.notifications.tasks import deliver_message

    try:
        deliver_message.enqueue(message_id)
    except Exception:  # the outbox row is the record; the sweep will pick it up
        logger.exception("Could not enqueue delivery of message #%s; it stays queued", message_id)


def forget_client(client_id: int) -> int:
    """Delete every message about a client (called when their record is deleted, inside that
    service's transaction); returns how many."""
    deleted, _ = Message.objects.filter(client_ref=client_id).delete()
    return deleted


def undelivered_ids(objects: list[Any]) -> set[int]:
    """Which of ``objects`` (of one model) have a message about them that failed at least once
    and is not yet sent: one query for a whole list, for "email not delivered" marks."""
    if not objects:
        return set()
    label = objects[0]._meta.label_lower
    ids = Message.objects.filter(
        about_type=label, about_id__in=[str(o.pk) for o in objects], attempts__gt=0
    ).exclude(status__in=NOT_UNDELIVERED)
    return {int(pk) for pk in ids.values_list("about_id", flat=True)}


def undelivered_exists(label: str) -> Exists:
    """The test of :func:`undelivered_ids` as a column of a query of ``label``'s model (its
    ``app_label.model`` name): annotate a queryset with it to read the marks with its rows."""
    return Exists(
        Message.objects.filter(
            about_type=label, about_id=Cast(OuterRef("pk"), CharField()), attempts__gt=0
        ).exclude(status__in=NOT_UNDELIVERED)
    )


def latest_about(obj: models.Model, kind: Kind) -> Message | None:
    """The newest message of ``kind`` about ``obj`` (to say on a page whether it was sent)."""
    return (
        Message.objects.filter(kind=kind, about_type=obj._meta.label_lower, about_id=str(obj.pk))
        .order_by("-created_at", "-id")
        .first()
    )


def withdraw_queued_about(obj: models.Model, kind: Kind, reason: str) -> int:
    """Withdraw the messages of ``kind`` about ``obj`` still waiting to be sent (in the
    caller's transaction): they are never sent nor retried, and ``reason`` is kept as why.
    Returns how many were withdrawn."""
    return Message.objects.filter(
        kind=kind,
        about_type=obj._meta.label_lower,
        about_id=str(obj.pk),
        status=Delivery.QUEUED,
    ).update(status=Delivery.WITHDRAWN, last_error=reason[:2000])


def undelivered_for(user: User) -> models.QuerySet[Message]:
    """Messages of ``user``'s clinic that have failed at least once and are not yet sent."""
    if not user.is_authenticated or not user.is_clinic_staff or user.clinic_id is None:
        return Message.objects.none()
    return Message.objects.filter(clinic_id=user.clinic_id, attempts__gt=0).exclude(
        status__in=NOT_UNDELIVERED
    )


@transaction.atomic
def retry_message(actor: User, message: Message) -> Message:
    """Staff ask for an undelivered message to be tried again now."""
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied("Only clinic staff can resend messages.")
    locked = Message.objects.select_for_update().filter(pk=message.pk).first()
    if locked is None or locked.clinic_id != actor.clinic_id:
        raise PermissionDenied("This message is not one of your clinic's.")
    if locked.status == Delivery.SENT:
        raise ValidationError("This message has already been sent.")
    locked.status = Delivery.QUEUED
    locked.next_attempt_at = timezone.now()
    locked.save(update_fields=["status", "next_attempt_at"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"retry": True},
        event="message.resend_requested",
    )
    transaction.on_commit(lambda: hand_to_worker(locked.pk))
    return locked
