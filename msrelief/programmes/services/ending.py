"""Ending an enrolment: the programme was completed, or the client left it (withdrawn).

Nothing is deleted. A withdrawal cancels the sessions still planned after now (by whoever
decided, the client or the clinic), each with a ``PlanChange``, and, only when asked, the
questionnaires still to come; questionnaires already due stay open, because an end measure
after leaving the programme is still worth having (trials analyse by intention to treat). A
completion is refused while sessions are still planned, so "completed" always means the plan
was carried out. Once ended, the plan takes no new or moved sessions, and reminders stop (they
are sent only for active enrolments)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.instruments import services as measures
from msrelief.programmes.models import (
    CancelledBy,
    Enrolment,
    EnrolmentStatus,
    PlanChange,
    PlannedSession,
    SessionStatus,
)
from msrelief.programmes.services._common import staff_client

ENDINGS = (EnrolmentStatus.COMPLETED, EnrolmentStatus.WITHDRAWN)


def ensure_active(enrolment: Enrolment) -> None:
    """Refuse a change to the plan of an enrolment that has ended."""
    if enrolment.status != EnrolmentStatus.ACTIVE:
        raise ValidationError(
            f"This programme was {enrolment.get_status_display().lower()} on "
            f"{enrolment.ended_on:%d %B %Y}; enrol the client again to plan more sessions."
        )


def _check(locked: Enrolment, outcome: str, reason: str, withdrawn_by: str, planned: int) -> None:
    ensure_active(locked)
    if outcome not in ENDINGS:
        raise ValidationError({"outcome": "Choose whether the programme was completed or left."})
    errors: dict[str, str] = {}
    if outcome == EnrolmentStatus.WITHDRAWN:
        if withdrawn_by not in CancelledBy.values:
            errors["withdrawn_by"] = "Say who decided: the client or the clinic."
        if not reason:
            errors["reason"] = "Say why the client is leaving the programme."
    elif planned:
        errors["outcome"] = (
            f"{planned} session{'s are' if planned != 1 else ' is'} still planned: record "
            "what happened to each, or choose that the client left the programme."
        )
    if errors:
        raise ValidationError(errors)


def _cancel_sessions(actor: User, locked: Enrolment, by: str) -> int:
    now = timezone.now()
    later = list(
        PlannedSession.objects.select_for_update()
        .filter(enrolment=locked, status=SessionStatus.PLANNED, starts_at__gt=now)
        .order_by("starts_at")
    )
    for session in later:
        session.status, session.cancelled_by = SessionStatus.CANCELLED, by
        session.status_note = "The client left the programme."
        session.status_recorded_by, session.status_recorded_at = actor, now
        session.save()
        PlanChange.objects.create(
            enrolment=locked,
            session=session,
            kind=PlanChange.Kind.STATUS,
            details={"from": SessionStatus.PLANNED, "to": SessionStatus.CANCELLED, "by": by},
            reason="The client left the programme.",
            changed_by=actor,
        )
    return len(later)


def _cancel_questionnaires(actor: User, locked: Enrolment) -> int:
    today = timezone.localdate()
    still_to_come = locked.measures.filter(
        due_on__gt=today, administration__isnull=False
    ).select_related("administration")
    cancelled = 0
    for measure in still_to_come:
        administration = measure.administration
        if administration is not None and administration.is_open:
            measures.cancel_administration(actor, administration)
            cancelled += 1
    return cancelled


@transaction.atomic
def end_enrolment(
    actor: User,
    enrolment: Enrolment,
    outcome: str,
    *,
    reason: str = "",
    withdrawn_by: str = "",
    cancel_questionnaires: bool = False,
) -> Enrolment:
    """End ``enrolment`` as ``outcome`` (completed or withdrawn), with the reason (required for
    a withdrawal, with who decided it). The enrolment is locked and read again, so two people
    ending it at once cannot both do so."""
    staff_client(actor, enrolment.client)
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    reason = reason.strip()
    planned = locked.sessions.filter(status=SessionStatus.PLANNED).count()
    _check(locked, outcome, reason, withdrawn_by, planned)
    withdrawn = outcome == EnrolmentStatus.WITHDRAWN
    sessions = _cancel_sessions(actor, locked, withdrawn_by) if withdrawn else 0
    questionnaires = _cancel_questionnaires(actor, locked) if cancel_questionnaires else 0
    locked.status, locked.ended_on, locked.ended_by = outcome, timezone.localdate(), actor
    locked.withdrawn_by = withdrawn_by if withdrawn else ""
    locked.end_reason = reason
    locked.save()
    details = {"outcome": outcome, "sessions_cancelled": sessions}
    details["questionnaires_cancelled"] = questionnaires
    PlanChange.objects.create(
        enrolment=locked,
        kind=PlanChange.Kind.ENDED,
        details=details,
        reason=reason,
        changed_by=actor,
    )
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes=details,
        event=f"enrolment.{outcome}",
    )
    return locked
