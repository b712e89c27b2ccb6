"""Session notes (SOAP): saving a draft, signing it, and amending a signed note. A signed note
never changes; an amendment is a new version, signed by whoever amends it, with the reason,
naming the version it replaces (like a corrected questionnaire response)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import regions
from msrelief.programmes import vocab
from msrelief.programmes.models import PlannedSession, Pressure, SessionNote, SessionStatus
from msrelief.programmes.services._common import MAX_SESSION_MINUTES, staff_client
from msrelief.programmes.services.screening import may_go_ahead

SOAP = ("subjective", "objective", "assessment", "plan")
FIELDS = (*SOAP, "techniques", "pressure", "minutes", "body_regions")


def _check(fields: dict[str, Any], sign: bool) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be set."))
    techniques = [str(code) for code in fields.get("techniques") or []]
    chosen_regions = [str(code) for code in fields.get("body_regions") or []]
    clean: dict[str, Any] = {name: str(fields.get(name) or "").strip() for name in SOAP}
    clean.update(
        techniques=techniques,
        body_regions=chosen_regions,
        pressure=fields.get("pressure") or "",
        minutes=fields.get("minutes"),
    )
    errors: dict[str, str] = {}
    if set(techniques) - set(dict(vocab.TECHNIQUES)):
        errors["techniques"] = "Choose techniques from the list."
    if set(chosen_regions) - set(regions.LABELS):
        errors["body_regions"] = "Choose body regions from the list."
    if clean["pressure"] not in ("", *Pressure.values):
        errors["pressure"] = "Choose light, moderate or firm."
    minutes = clean["minutes"]
    if minutes is not None and not 1 <= minutes <= MAX_SESSION_MINUTES:
        errors["minutes"] = f"Enter minutes from 1 to {MAX_SESSION_MINUTES}."
    if sign and not any(clean[name] for name in SOAP):
        errors["subjective"] = "Write at least one part of the note before signing it."
    if errors:
        raise ValidationError(errors)
    return clean


def _writable(actor: User, session: PlannedSession) -> PlannedSession:
    staff_client(actor, session.enrolment.client)
    locked = PlannedSession.objects.select_for_update().get(pk=session.pk)
    if locked.status in (SessionStatus.CANCELLED, SessionStatus.NO_SHOW):
        raise ValidationError(f"This session is {locked.status_text.lower()}: it has no note.")
    if locked.local_date > timezone.localdate():
        raise ValidationError("This session is on a later day: write its note on the day.")
    return locked


def _without_go_ahead(session: PlannedSession, clean: dict[str, Any]) -> str:
    """Why the session's screen did not allow hands-on work, when the note being signed records
    some (techniques or body regions); empty otherwise. The note keeps it, so a session that
    went ahead against or without the screen stays visible on the note, the record and the
    audit trail, rather than being refused: the note must be able to say what happened."""
    if not (clean["techniques"] or clean["body_regions"]):
        return ""
    allowed, why = may_go_ahead(session)
    return "" if allowed else why


def _audit_signing(actor: User, note: SessionNote, session: PlannedSession) -> None:
    event = (
        "session_note.signed_without_go_ahead" if note.without_go_ahead else "session_note.signed"
    )
    audit.record(actor, Action.UPDATE, note, clinic=session.enrolment.clinic, event=event)


def current_note(session: PlannedSession) -> SessionNote | None:
    """The latest version of the session's note (a draft or signed), if any."""
    return session.notes.order_by("-version").first()


@transaction.atomic
def save_note(
    actor: User, session: PlannedSession, fields: dict[str, Any], *, sign: bool = False
) -> SessionNote:
    """Save the session's draft note (the first save starts it), and sign it if ``sign``.
    Refused once the note is signed: amend it instead."""
    locked = _writable(actor, session)
    clean = _check(fields, sign)
    note = locked.notes.select_for_update().order_by("-version").first()
    if note is not None and note.is_signed:
        raise ValidationError("The note is signed and cannot be changed; amend it instead.")
    created = note is None
    note = note or SessionNote(session=locked, written_by=actor)
    for name, value in clean.items():
        setattr(note, name, value)
    note.written_by, note.written_at = actor, timezone.now()
    if sign:
        note.signed_by, note.signed_at = actor, timezone.now()
        note.without_go_ahead = _without_go_ahead(locked, clean)
    note.save()
    event = "session_note.drafted" if created else "session_note.draft_saved"
    action = Action.CREATE if created else Action.UPDATE
    audit.record(
        actor,
        action,
        note,
        clinic=locked.enrolment.clinic,
        changes={"fields": sorted(k for k, v in clean.items() if v)},
        event=event,
    )
    if sign:
        _audit_signing(actor, note, locked)
    return note


@transaction.atomic
def amend_note(actor: User, note: SessionNote, fields: dict[str, Any], reason: str) -> SessionNote:
    """A new, signed version of a signed note, with ``reason``; the signed one stays as it
    was. Only the latest version can be amended (it is locked, so two amendments of one
    version cannot both be saved)."""
    staff_client(actor, note.session.enrolment.client)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the note is being amended."})
    locked = SessionNote.objects.select_for_update().select_related("session").get(pk=note.pk)
    if not locked.is_signed:
        raise ValidationError("This note is a draft: change it and sign it instead.")
    if not locked.is_current:
        raise ValidationError("Only the latest version of a note can be amended.")
    clean = _check(fields, sign=True)
    now = timezone.now()
    amended = SessionNote.objects.create(
        session=locked.session,
        version=locked.version + 1,
        written_by=actor,
        written_at=now,
        signed_by=actor,
        signed_at=now,
        supersedes=locked,
        amendment_reason=reason.strip(),
        without_go_ahead=_without_go_ahead(locked.session, clean),
        **clean,
    )
    changed = sorted(name for name in FIELDS if getattr(locked, name) != clean[name])
    audit.record(
        actor,
        Action.CREATE,
        amended,
        clinic=locked.session.enrolment.clinic,
        changes={
            "supersedes": locked.pk,
            "fields": changed,
            **({"without_go_ahead": True} if amended.without_go_ahead else {}),
        },
        event="session_note.amended",
    )
    return amended
