"""Changing a plan: moving a session, adding one, and recording what happened to one
(attended, cancelled and by whom, or a no-show). Nothing is deleted: every change is a
``PlanChange`` row, and the session keeps its history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.programmes.models import (
    CancelledBy,
    Enrolment,
    PlanChange,
    PlannedSession,
    SessionStatus,
)
from msrelief.programmes.services._common import (
    at,
    check_minutes,
    check_no_clash,
    staff_client,
)
from msrelief.programmes.services.ending import ensure_active

RECORDABLE = (SessionStatus.ATTENDED, SessionStatus.NO_SHOW, SessionStatus.CANCELLED)


def _locked(actor: User, session: PlannedSession) -> PlannedSession:
    """The session, checked for the actor's clinic and locked for the change."""
    staff_client(actor, session.enrolment.client)
    return PlannedSession.objects.select_for_update().select_related("enrolment").get(pk=session.pk)


def _iso(moment: dt.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="minutes")


@transaction.atomic
def move_session(
    actor: User, session: PlannedSession, day: dt.date, time: dt.time, reason: str = ""
) -> PlannedSession:
    """Move a planned session to another day or time (its therapist must be free then)."""
    locked = _locked(actor, session)
    ensure_active(locked.enrolment)
    if locked.status != SessionStatus.PLANNED:
        raise ValidationError(f"Only a planned session can be moved; this one is {_state(locked)}.")
    starts = at(day, time)
    if starts == locked.starts_at:
        raise ValidationError({"day": "Choose a different day or time."})
    check_no_clash(locked.enrolment.therapist, [(starts, locked.minutes)], "time", ignore=locked)
    before = locked.starts_at
    locked.starts_at = starts
    locked.save(update_fields=["starts_at"])
    _change(
        actor,
        locked,
        PlanChange.Kind.MOVED,
        {"from": _iso(before), "to": _iso(starts)},
        reason,
        "session.moved",
    )
    return locked


@transaction.atomic
def add_session(
    actor: User, enrolment: Enrolment, day: dt.date, time: dt.time, minutes: int | None = None
) -> PlannedSession:
    """Add a session to an enrolment's plan (a cancelled one made up, say)."""
    staff_client(actor, enrolment.client)
    ensure_active(Enrolment.objects.select_for_update().get(pk=enrolment.pk))
    length = check_minutes(minutes or enrolment.minutes)
    User.objects.select_for_update().filter(pk=enrolment.therapist_id).first()
    starts = at(day, time)
    check_no_clash(enrolment.therapist, [(starts, length)], "time")
    session = PlannedSession.objects.create(enrolment=enrolment, starts_at=starts, minutes=length)
    _change(
        actor,
        session,
        PlanChange.Kind.ADDED,
        {"at": _iso(starts), "minutes": length},
        "",
        "session.added",
        Action.CREATE,
    )
    return session


@transaction.atomic
def record_session_status(
    actor: User,
    session: PlannedSession,
    status: str,
    cancelled_by: str = "",
    note: str = "",
) -> PlannedSession:
    """Record that the client attended, did not come, or that the session was cancelled (by
    the client or the clinic). A session cannot be attended or missed before its day; a
    cancelled session stays cancelled (add a new session instead); a session whose note is
    signed stays attended."""
    locked = _locked(actor, session)
    _check_status(locked, status, cancelled_by)
    before = locked.status
    locked.status = status
    locked.cancelled_by = cancelled_by if status == SessionStatus.CANCELLED else ""
    locked.status_note = note.strip()
    locked.status_recorded_by = actor
    locked.status_recorded_at = timezone.now()
    locked.save()
    details = {"from": before, "to": status, **({"by": cancelled_by} if cancelled_by else {})}
    _change(actor, locked, PlanChange.Kind.STATUS, details, note.strip(), "session.status_recorded")
    return locked


def _check_status(session: PlannedSession, status: str, cancelled_by: str) -> None:
    if status not in RECORDABLE:
        raise ValidationError({"status": "Choose what happened to the session."})
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(
            {"status": "This session was cancelled and stays so; add a new session instead."}
        )
    if status == SessionStatus.CANCELLED and cancelled_by not in CancelledBy.values:
        raise ValidationError({"status": "Say who cancelled the session."})
    if status != SessionStatus.CANCELLED and session.local_date > timezone.localdate():
        raise ValidationError(
            {"status": "This session is on a later day: it can only be cancelled for now."}
        )
    signed = session.notes.filter(signed_at__isnull=False).exists()
    if signed and status != SessionStatus.ATTENDED:
        raise ValidationError({"status": "This session has a signed note, so it was attended."})


def _state(session: PlannedSession) -> str:
    return session.status_text.lower()


def _change(
    actor: User,
    session: PlannedSession,
    kind: str,
    details: Mapping[str, object],
    reason: str,
    event: str,
    action: Action = Action.UPDATE,
) -> None:
    PlanChange.objects.create(
        enrolment=session.enrolment,
        session=session,
        kind=kind,
        details=dict(details),
        reason=reason,
        changed_by=actor,
    )
    audit.record(
        actor,
        action,
        session,
        clinic=session.enrolment.clinic,
        changes={"kind": kind},
        event=event,
    )
