"""The steps every change to the evidence base is made of, shared by the services (a direct
edit) and the review (an approved proposal): save or delete the record, write its audit event
and write its row of the change log, all in the caller's transaction. Only
:mod:`msrelief.evidence.services` and :mod:`msrelief.evidence.review` call these.

A value is kept in two forms: as the log shows it (:func:`shown`: a related record by its key
or label) and, for a proposal, as it can be applied later (:func:`stored`: a related record by
its id).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.utils import timezone

from msrelief.accounts.models import Clinic, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.evidence.change_models import (
    ChangeAction,
    ChangeState,
    EditorRole,
    EvidenceChange,
    EvidenceProposal,
    Kind,
)
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study

M = TypeVar("M", bound=models.Model)

EDIT_PERMISSION = "evidence.edit_evidence"
MANY = "references"  # a claim's references, the one many-to-many field
KINDS: dict[type[models.Model], Kind] = {
    Reference: Kind.REFERENCE,
    Claim: Kind.CLAIM,
    Study: Kind.STUDY,
    Arm: Kind.ARM,
    Result: Kind.RESULT,
}
MODELS: dict[str, type[models.Model]] = {kind.value: model for model, kind in KINDS.items()}
_NOT_LOGGED = ("id", "created_at", "updated_at")


def label_of(obj: models.Model) -> str:
    """How the log names a record: its key, or an arm's study and description."""
    if isinstance(obj, Arm):
        return f"{obj.study.key}: {obj.label}"[:250]
    return str(obj)[:250]


def role_of(user: User) -> EditorRole:
    if user.is_superuser:
        return EditorRole.SUPERUSER
    if user.has_perm(EDIT_PERMISSION):
        return EditorRole.EVIDENCE_EDITOR
    return EditorRole.CLINIC_ADMIN


def _records(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(item, models.Model) for item in value)
    )


def shown(value: Any) -> Any:
    """``value`` as the log shows it (JSON): a record by its label, numbers and text as they
    are."""
    if isinstance(value, models.Model):
        return label_of(value)
    if _records(value):
        return sorted(label_of(item) for item in value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.loads(json.dumps(value, default=str))


def stored(name: str, value: Any) -> Any:
    """``value`` as a proposal keeps it until it is applied: a record by its id."""
    if isinstance(value, models.Model):
        return value.pk
    if _records(value):
        return sorted(item.pk for item in value)
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError):
        raise ValidationError({name: "Enter a finite number or plain text."}) from None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def snapshot(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The stored values of ``names`` (a claim's ``references`` as a list of records)."""
    return {
        name: list(obj.references.all()) if name == MANY else getattr(obj, name)  # type: ignore[attr-defined]
        for name in names
    }


def all_names(obj: models.Model) -> list[str]:
    """The fields of ``obj`` that a deletion shows (everything but its id and time stamps)."""
    names = [f.name for f in obj._meta.concrete_fields if f.name not in _NOT_LOGGED]
    return [*names, MANY] if isinstance(obj, Claim) else names


def rows(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """The log's ``fields``: each name with its value before and after (``None``: none)."""
    names = [*after, *(name for name in before if name not in after)]
    found = []
    for name in names:
        old, new = before.get(name), after.get(name)
        if _empty(old) and _empty(new):
            continue
        found.append({"name": name, "before": shown(old), "after": shown(new)})
    return found


def _values(obj: models.Model) -> list[Any]:
    return [getattr(obj, f.attname) for f in obj._meta.concrete_fields]


def fingerprint(obj: models.Model, *, with_dependants: bool = False) -> str:
    """A digest of every stored value of ``obj`` (and a claim's references): it changes
    whenever the record changes, however that is done. ``with_dependants`` adds what deleting
    ``obj`` would delete with it (a study's arms and results, every stored value of each), so
    a deletion held for review is refused as stale if any of them was added, changed or
    removed since it was proposed."""
    values: list[Any] = _values(obj)
    if isinstance(obj, Claim):
        values.append(sorted(obj.references.values_list("pk", flat=True)))
    if with_dependants and isinstance(obj, Study):
        values.append([_values(arm) for arm in obj.arms.order_by("pk")])
        values.append([_values(result) for result in obj.results.order_by("pk")])
    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()


def fresh(obj: M) -> M:
    """``obj`` as stored now, locked for the transaction (a bound form may have changed the
    instance it was given). One table, no join, so PostgreSQL can lock it."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


def blocked_message(obj: models.Model) -> str:
    if isinstance(obj, Reference):
        return f"{obj.key} is the reference of a study; delete that first."
    if isinstance(obj, Arm):
        return f"Results refer to the arm {obj.label!r}; change or delete them first."
    return f"This {KINDS[type(obj)].label.lower()} cannot be deleted."


def check_deletable(obj: models.Model) -> None:
    """Refuse now a deletion that would fail when applied (a reference a study rests on, an
    arm a result refers to). A study goes with its results and arms, so nothing blocks it."""
    if isinstance(obj, Study):
        return
    try:
        Collector(using=DEFAULT_DB_ALIAS).collect([obj])
    except ProtectedError:
        raise ValidationError(blocked_message(obj)) from None


# --- the log -------------------------------------------------------------------------------


def log(
    editor: User,
    action: str,
    obj: models.Model,
    fields: list[dict[str, Any]],
    *,
    state: str = ChangeState.APPLIED,
    proposal: EvidenceProposal | None = None,
) -> EvidenceChange:
    """Write the change log's row for ``editor``'s ``action`` on ``obj``."""
    return write_row(
        editor, KINDS[type(obj)], action, obj.pk, label_of(obj), fields, state, proposal
    )


def write_row(
    editor: User,
    kind: str,
    action: str,
    object_id: int | None,
    label: str,
    fields: list[dict[str, Any]],
    state: str,
    proposal: EvidenceProposal | None,
) -> EvidenceChange:
    clinic: Clinic | None = editor.clinic
    return EvidenceChange.objects.create(
        kind=kind,
        action=action,
        state=state,
        object_id=object_id,
        object_label=label,
        fields=fields,
        editor=editor if editor.pk else None,
        editor_role=role_of(editor),
        editor_clinic=clinic.name if clinic is not None else "",
        proposal=proposal,
    )


# --- applying a change ---------------------------------------------------------------------


def apply_add(
    actor: User,
    obj: M,
    names: Sequence[str],
    *,
    references: Sequence[Reference] | None = None,
    editor: User | None = None,
    proposal: EvidenceProposal | None = None,
) -> M:
    """Save the validated new ``obj`` (``names``: the fields that were given); audit and log
    it. ``editor`` is who made the change when it is not ``actor`` (an approved proposal's
    proposer), whose clinic the audit event is then filed under."""
    editor = editor or actor
    obj.save()
    if references is not None:
        obj.references.set(references)  # type: ignore[attr-defined]
    audit.record(actor, Action.CREATE, obj, clinic=editor.clinic, changes={"fields": sorted(names)})
    log(editor, ChangeAction.CREATE, obj, rows({}, snapshot(obj, names)), proposal=proposal)
    return obj


def apply_change(
    actor: User,
    obj: M,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    editor: User | None = None,
    proposal: EvidenceProposal | None = None,
) -> M:
    """Save ``obj``, already given the ``after`` values (but a claim's references) and
    validated; audit and log the change."""
    editor = editor or actor
    if MANY in after:
        obj.references.set(after[MANY])  # type: ignore[attr-defined]
    obj.updated_at = timezone.now()  # type: ignore[attr-defined]
    obj.save()
    audit.record(actor, Action.UPDATE, obj, clinic=editor.clinic, changes={"fields": sorted(after)})
    log(editor, ChangeAction.UPDATE, obj, rows(before, after), proposal=proposal)
    return obj


def apply_remove(
    actor: User,
    obj: models.Model,
    *,
    editor: User | None = None,
    proposal: EvidenceProposal | None = None,
) -> None:
    """Delete ``obj`` (a study with its results and arms first, each audited and logged)."""
    if isinstance(obj, Study):
        for child in [*obj.results.all(), *obj.arms.all()]:
            _remove_one(actor, child, editor or actor, proposal, blocked="")
    _remove_one(actor, obj, editor or actor, proposal, blocked=blocked_message(obj))


def _remove_one(
    actor: User,
    obj: models.Model,
    editor: User,
    proposal: EvidenceProposal | None,
    *,
    blocked: str,
) -> None:
    fields = rows(snapshot(obj, all_names(obj)), {})
    log(editor, ChangeAction.DELETE, obj, fields, proposal=proposal)
    audit.record(actor, Action.DELETE, obj, clinic=editor.clinic)
    try:
        obj.delete()
    except ProtectedError:
        raise ValidationError(blocked) from None
