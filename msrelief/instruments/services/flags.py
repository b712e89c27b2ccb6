"""Safety flags: raised by an answer that a clinician must see now, and acknowledged by staff.
The alert email is written to the outbox in the same transaction as the flag, so it is sent
(and retried) even when the mail server is down at that moment."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client
from msrelief.instruments.models import Response, SafetyFlag, SignalSource
from msrelief.instruments.services._common import staff_client
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind
from msrelief.scoring import get_definition
from msrelief.scoring.definition import Definition


def raise_flag(response: Response, code: str, message: str, definition: Definition) -> SafetyFlag:
    """A flag raised by an answer of ``response`` (a rule of its definition)."""
    rule = next((r for r in definition.spec.scoring.safety if r.code == code), None)
    return raise_signal(
        response.client,
        code,
        message,
        source=rule.source if rule else "",
        title=rule.title if rule and rule.title else "a questionnaire answer",
        detail=(
            "It may mean thoughts of self-harm. The client was shown where to get help "
            "straight away."
        ),
        response=response,
    )


def raise_signal(
    client: Client,
    code: str,
    message: str,
    *,
    source: str,
    title: str,
    detail: str,
    source_kind: str = SignalSource.RESPONSE,
    response: Response | None = None,
) -> SafetyFlag:
    """Raise a safety flag for ``client`` and email their therapist through the outbox (in the
        caller's transaction): from a response, or from another source such as a pre-session screen
        that said refer. ``title`` is a few words for the email and ``detail`` one sentence of what
    it may mean, neither with health details."""
    flag = SafetyFlag.objects.create(
        clinic=client.clinic,
        client=client,
        source_kind=source_kind,
        response=response,
        code=code,
        message=message,
        source=source,
    )
    audit.record(
        None,
        Action.CREATE,
        flag,
        clinic=client.clinic,
        changes={"code": code},
        event="safety_flag.raised",
    )
    outbox.queue_email(
        Kind.SAFETY_ALERT,
        client.therapist.email,
        {
            "clinic_name": client.clinic.name,
            "opening": (
                "A response from one of your clients"
                if source_kind == SignalSource.RESPONSE
                else "A pre-session safety screen of one of your clients"
            ),
            "signal": title,
            "detail": detail,
            "url": settings.BASE_URL + reverse("instruments-flag", args=[flag.pk]),
        },
        clinic=client.clinic,
        about=flag,
    )
    return flag


def signals_for_client(response: Response) -> tuple[bool, bool]:
    """Which kinds of signal ``response`` raised, for the thank-you page: (an answer above the
    rule's threshold, a question left blank that the rule needs answered)."""
    codes = {flag.code for flag in response.safety_flags.all()}
    definition = get_definition(response.instrument_code, response.instrument_version)
    blank = {rule.code for rule in definition.spec.scoring.safety if rule.unanswered}
    return bool(codes - blank), bool(codes & blank)


@transaction.atomic
def acknowledge_flag(actor: User, flag: SafetyFlag, note: str) -> SafetyFlag:
    """A clinician records that they have seen the flag and what they did. The flag is locked
    and read again, so two clinicians acknowledging at once cannot overwrite each other."""
    staff_client(actor, flag.client)
    if not note.strip():
        raise ValidationError({"note": "Say what you did, for example 'phoned the client'."})
    locked = SafetyFlag.objects.select_for_update().get(pk=flag.pk)
    if locked.acknowledged_at is not None:
        by = locked.acknowledged_by
        who = f", by {by.full_name or by.email}" if by is not None else ""
        raise ValidationError(f"This flag has already been acknowledged{who}.")
    locked.acknowledged_by = actor
    locked.acknowledged_at = timezone.now()
    locked.acknowledgement_note = note.strip()
    locked.save(update_fields=["acknowledged_by", "acknowledged_at", "acknowledgement_note"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": ["acknowledged_at", "acknowledgement_note"]},
        event="safety_flag.acknowledged",
    )
    return locked


@transaction.atomic
def resolve_flag(actor: User, flag: SafetyFlag, note: str) -> SafetyFlag:
    """Close an acknowledged flag: the concern has been dealt with, and ``note`` says how (for
    example "seen with her GP; safety plan in place"). Locked and read again, like
    :func:`acknowledge_flag`."""
    staff_client(actor, flag.client)
    if not note.strip():
        raise ValidationError({"note": "Say how the concern was dealt with."})
    locked = SafetyFlag.objects.select_for_update().get(pk=flag.pk)
    if locked.acknowledged_at is None:
        raise ValidationError("Record what you did (acknowledge the flag) before resolving it.")
    if locked.resolved_at is not None:
        raise ValidationError("This flag has already been resolved.")
    locked.resolved_by = actor
    locked.resolved_at = timezone.now()
    locked.resolution_note = note.strip()
    locked.save(update_fields=["resolved_by", "resolved_at", "resolution_note"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": ["resolved_at", "resolution_note"]},
        event="safety_flag.resolved",
    )
    return locked
