"""Review of clinic admins' edits to the shared evidence base (``MSRELIEF_EVIDENCE_REVIEW``).

With the setting on, an edit by a clinic admin who is not also an evidence editor or a
superuser is validated in full, then kept as an :class:`EvidenceProposal` instead of being
applied (:func:`propose`, called by the evidence services). An evidence editor (or a superuser)
approves it, which applies it then, or rejects it with a reason. Each of the two is one service
function here: it checks the reviewer, locks the proposal and the record, runs in one
transaction, writes the audit event and the change log's row.

An approval re-checks the record: when it was changed or deleted since the edit was proposed,
the approval is refused with a message saying so and the proposal stays pending (the reviewer
rejects it, and the proposer proposes again from the record as it is now).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.evidence import versions, writes
from msrelief.evidence.change_models import (
    ChangeAction,
    ChangeState,
    EvidenceProposal,
    ProposalStatus,
)
from msrelief.evidence.models import Reference, Study

NOT_A_REVIEWER = "Only evidence editors can review proposed changes to the evidence base."
REASON_LIMIT = 2000


def can_review(user: Any) -> bool:
    """Evidence editors and superusers review proposals; clinic admins do not."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or user.has_perm(writes.EDIT_PERMISSION))


def held(actor: Any) -> bool:
    """Whether ``actor``'s edits wait for review: the setting is on and they are a clinic admin
    who is neither an evidence editor nor a superuser."""
    if not settings.EVIDENCE_REVIEW or not getattr(actor, "is_clinic_admin", False):
        return False
    return not can_review(actor)


def propose(
    actor: User,
    action: str,
    obj: models.Model,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    print_of: str = "",
    label: str = "",
) -> EvidenceProposal:
    """Keep ``actor``'s validated ``action`` on ``obj`` for review (``after``: the new values,
    ``print_of``: the record's fingerprint when it was read, ``label``: its name then).
    Called by the evidence services inside their transaction."""
    values = {name: writes.stored(name, value) for name, value in after.items()}
    if action == ChangeAction.CREATE and hasattr(obj, "study_id"):
        values["study"] = obj.study_id
    fields = writes.rows(before, after)
    proposal = EvidenceProposal.objects.create(
        proposer=actor,
        kind=writes.KINDS[type(obj)],
        action=action,
        target_id=obj.pk,
        object_label=label or writes.label_of(obj),
        values=values,
        fields=fields,
        fingerprint=print_of,
    )
    audit.record(
        actor,
        Action.CREATE,
        proposal,
        clinic=actor.clinic,
        changes={"kind": proposal.kind, "action": action, "fields": sorted(after)},
        event="evidence_proposal.created",
    )
    writes.write_row(
        actor, proposal.kind, action, obj.pk, proposal.object_label, fields,
        ChangeState.PROPOSED, proposal,
    )  # fmt: skip
    return proposal


def _require_reviewer(actor: User) -> None:
    if not can_review(actor):
        raise PermissionDenied(NOT_A_REVIEWER)


def _pending(proposal: EvidenceProposal) -> EvidenceProposal:
    """The proposal as stored now, locked; refused unless it still awaits review."""
    locked = EvidenceProposal.objects.select_for_update().get(pk=proposal.pk)
    if not locked.is_pending:
        status = ProposalStatus(locked.status).label.lower()
        raise ValidationError(f"This proposal was already decided ({status}).")
    return locked


def _decide(actor: User, proposal: EvidenceProposal, status: str, reason: str = "") -> None:
    proposal.status = status
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.reason = reason
    proposal.save(update_fields=["status", "decided_by", "decided_at", "reason"])


@transaction.atomic(durable=True)
def approve_proposal(actor: User, proposal: EvidenceProposal) -> EvidenceProposal:
    """Apply ``proposal`` as its proposer wrote it, after checking it again against the
    record as it is now. ``ValidationError`` (nothing applied, the proposal still pending) when
    the record changed or went since, or the change no longer passes validation."""
    _require_reviewer(actor)
    versions.bump()  # first, before any record is locked (msrelief.evidence.versions)
    proposal = _pending(proposal)
    _apply(actor, proposal)
    _decide(actor, proposal, ProposalStatus.APPROVED)
    audit.record(
        actor,
        Action.UPDATE,
        proposal,
        clinic=proposal.proposer.clinic,
        changes={"status": ProposalStatus.APPROVED},
        event="evidence_proposal.approved",
    )
    return proposal


@transaction.atomic(durable=True)
def reject_proposal(actor: User, proposal: EvidenceProposal, reason: str) -> EvidenceProposal:
    """Turn ``proposal`` down; ``reason`` (required) is shown to the proposer and in the log."""
    _require_reviewer(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the change is rejected."})
    if len(reason) > REASON_LIMIT:
        raise ValidationError({"reason": f"Keep the reason to {REASON_LIMIT} characters."})
    proposal = _pending(proposal)
    _decide(actor, proposal, ProposalStatus.REJECTED, reason)
    audit.record(
        actor,
        Action.UPDATE,
        proposal,
        clinic=proposal.proposer.clinic,
        changes={"status": ProposalStatus.REJECTED},
        event="evidence_proposal.rejected",
    )
    writes.write_row(
        proposal.proposer,
        proposal.kind,
        proposal.action,
        proposal.target_id,
        proposal.object_label,
        proposal.fields,
        ChangeState.REJECTED,
        proposal,
    )
    return proposal


# --- applying an approved proposal ---------------------------------------------------------


def _apply(actor: User, proposal: EvidenceProposal) -> None:
    model = writes.MODELS[proposal.kind]
    values = {name: _resolved(model, name, value) for name, value in proposal.values.items()}
    editor = proposal.proposer
    if proposal.action == ChangeAction.CREATE:
        references = values.pop(writes.MANY, None)
        obj = model(**values)
        obj.full_clean()
        names = [name for name in proposal.values if name != "study"]
        writes.apply_add(actor, obj, names, references=references, editor=editor, proposal=proposal)
        return
    obj = _unchanged_target(model, proposal)
    if proposal.action == ChangeAction.DELETE:
        writes.apply_remove(actor, obj, editor=editor, proposal=proposal)
        return
    before = writes.snapshot(obj, values)
    for name, value in values.items():
        if name != writes.MANY:
            setattr(obj, name, value)
    obj.full_clean()
    writes.apply_change(actor, obj, before, values, editor=editor, proposal=proposal)


def _unchanged_target(model: type[models.Model], proposal: EvidenceProposal) -> models.Model:
    obj = model._default_manager.select_for_update().filter(pk=proposal.target_id).first()
    if obj is None:
        raise ValidationError(
            f"{proposal.object_label} was deleted after this change was proposed, so it cannot "
            "be applied. Reject the proposal."
        )
    deleting = proposal.action == ChangeAction.DELETE
    if writes.fingerprint(obj, with_dependants=deleting) != proposal.fingerprint:
        raise ValidationError(
            f"{proposal.object_label} was changed after this change was proposed, so applying "
            "it could undo that edit. Reject the proposal and ask for it to be proposed again."
        )
    return obj


def _resolved(model: type[models.Model], name: str, value: Any) -> Any:
    """A stored value back as the record takes it: an id as the record it names."""
    if name == writes.MANY:
        found = list(Reference.objects.filter(pk__in=value))
        if len(found) != len(value):
            raise ValidationError({name: "A reference of this claim was deleted since."})
        return found
    field = model._meta.get_field(name)
    if not field.is_relation or value is None:
        return value
    related: Any = Study if name == "study" else field.related_model
    record = related._default_manager.filter(pk=value).first()
    if record is None:
        raise ValidationError({name: "The record this pointed to was deleted since."})
    return record
