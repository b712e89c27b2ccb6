"""Every change to the evidence base goes through one of these functions. Each checks that the
actor may edit the evidence base, runs in one transaction, validates the whole record (nothing is
saved on bad input), writes the audit event, naming the fields that were set or changed, and
writes the change's row of the evidence change log (:mod:`msrelief.evidence.writes`), which
every clinic reads. The transaction first moves the evidence data version on
(:func:`msrelief.evidence.versions.atomic_write`), so the cached evidence pages show the change
as soon as it is committed. With ``MSRELIEF_EVIDENCE_REVIEW`` on, a clinic admin's edit is
validated the same way, then held for an evidence editor's review instead
(:mod:`msrelief.evidence.review`).

Who may edit: clinic admins, Django superusers, and evidence editors — any user given the
``evidence.edit_evidence`` permission in the Django admin, such as a researcher who is not clinic
staff (:func:`can_edit`, the one place that decides).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from msrelief.accounts.models import User
from msrelief.evidence import cslmap, review, versions, writes
from msrelief.evidence.bibliography import BibliographyError, import_references, import_ris
from msrelief.evidence.change_models import ChangeAction, EvidenceProposal
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study

M = TypeVar("M", bound=models.Model)

REFERENCE_FIELDS = (
    "key", "csl_type", "authors", "title", "container_title", "container_title_short", "year",
    "volume", "issue", "page", "doi", "url", "pmid", "pmcid", "publisher", "note", "extra",
)  # fmt: skip
CLAIM_FIELDS = ("key", "topic", "statement", "verification_status", "source_status", "note")
STUDY_FIELDS = (
    "key", "reference", "kind", "design", "country", "setting", "population", "ms_type", "sex",
    "edss_range", "age", "age_mean", "age_sd", "n_female", "n_randomised", "n_enrolled",
    "n_completed", "n_analysed", "time_points", "review_studies", "review_participants",
    "review_search", "review_comparison", "review_appraisal", "bias_notes",
    "verification_status", "second_hand_fields", "sources", "confidence", "notes",
    "plain_summary",
)  # fmt: skip
ARM_FIELDS = (
    "name", "kind", "label", "technique", "body_regions", "minutes_per_session",
    "minutes_per_session_max", "sessions_per_week", "weeks", "sessions_total", "delivered_by",
    "n_randomised", "n_allocated", "n_enrolled", "n_analysed", "verification_status",
    "second_hand_fields", "notes",
)  # fmt: skip
RESULT_FIELDS = (
    "key", "scope", "arm", "versus_arm", "construct", "instrument", "instrument_code",
    "score_name", "direction", "scale_low", "scale_high", "time_point", "time_point_weeks", "n",
    "mean", "sd", "median", "iqr_low", "iqr_high", "effect_type", "effect_value", "effect_low",
    "effect_high", "ci_low", "ci_high", "p_value", "p_operator", "p_text", "units", "k", "i2",
    "tau2", "model", "text", "verification_status", "attribution_confirmed", "source", "notes",
)  # fmt: skip


EDIT_PERMISSION = writes.EDIT_PERMISSION
NOT_AN_EDITOR = "Only clinic admins and evidence editors can edit the evidence base."


def can_edit(user: Any) -> bool:
    """Clinic admins, superusers and evidence editors may edit the evidence base."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or user.is_clinic_admin or user.has_perm(EDIT_PERMISSION))


def _require_editor(actor: User) -> None:
    if not can_edit(actor):
        raise PermissionDenied(NOT_AN_EDITOR)


def _check_fields(fields: dict[str, Any], allowed: Sequence[str]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be set."))


def _add(
    actor: User, obj: M, names: Iterable[str], references: Sequence[Reference] | None = None
) -> M | EvidenceProposal:
    """Validate the new ``obj``; save, audit and log it, or hold it for review. ``names``: the
    fields that were given."""
    obj.full_clean()
    names = list(names)
    if references is not None:
        _check_references(references)
    if review.held(actor):
        after = writes.snapshot(obj, [name for name in names if name != writes.MANY])
        if references is not None:
            after[writes.MANY] = list(references)
        return review.propose(actor, ChangeAction.CREATE, obj, {}, after)
    return writes.apply_add(actor, obj, names, references=references)


def _change(
    actor: User,
    obj: M,
    fields: dict[str, Any],
    allowed: Sequence[str],
    references: Sequence[Reference] | None = None,
) -> M | EvidenceProposal:
    """Set ``fields`` (and a claim's ``references``) on the stored ``obj`` and validate it;
    save, audit and log what changed, or hold it for review. Nothing changed: nothing is
    written."""
    _check_fields(fields, allowed)
    obj = writes.fresh(obj)
    print_of, label = writes.fingerprint(obj), writes.label_of(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in sorted(name for name, value in fields.items() if getattr(obj, name) != value):
        before[name], after[name] = getattr(obj, name), fields[name]
        setattr(obj, name, fields[name])
    obj.full_clean()
    if references is not None:
        _check_references(references)
        current = list(obj.references.all())  # type: ignore[attr-defined]
        if {r.pk for r in references} != {r.pk for r in current}:
            before[writes.MANY], after[writes.MANY] = current, list(references)
    if not after:
        return obj
    if review.held(actor):
        return review.propose(
            actor, ChangeAction.UPDATE, obj, before, after, print_of=print_of, label=label
        )
    return writes.apply_change(actor, obj, before, after)


def _remove(actor: User, obj: models.Model) -> EvidenceProposal | None:
    """Delete ``obj`` (audited and logged), or hold the deletion for review."""
    if review.held(actor):
        obj = writes.fresh(obj)
        writes.check_deletable(obj)
        before = writes.snapshot(obj, writes.all_names(obj))
        print_of = writes.fingerprint(obj, with_dependants=True)
        return review.propose(actor, ChangeAction.DELETE, obj, before, {}, print_of=print_of)
    writes.apply_remove(actor, obj)
    return None


# --- references ----------------------------------------------------------------------------
# Each function returns the saved record, or, when the edit is held for review
# (``MSRELIEF_EVIDENCE_REVIEW``, msrelief.evidence.review), the proposal that holds it.


@versions.atomic_write
def create_reference(actor: User, **fields: Any) -> Reference | EvidenceProposal:
    """Add a reference. ``ValidationError`` names each bad field (a DOI, a year…)."""
    _require_editor(actor)
    _check_fields(fields, REFERENCE_FIELDS)
    return _add(actor, Reference(**fields), fields)


@versions.atomic_write
def update_reference(
    actor: User, reference: Reference, **fields: Any
) -> Reference | EvidenceProposal:
    _require_editor(actor)
    return _change(actor, reference, fields, REFERENCE_FIELDS)


@versions.atomic_write
def delete_reference(actor: User, reference: Reference) -> EvidenceProposal | None:
    """Delete a reference that no study rests on; claims simply lose the link."""
    _require_editor(actor)
    return _remove(actor, reference)


# --- claims --------------------------------------------------------------------------------


def _check_references(references: Sequence[Reference]) -> None:
    if not references:
        raise ValidationError({"references": "Choose at least one reference."})


@versions.atomic_write
def create_claim(
    actor: User, *, references: Sequence[Reference], **fields: Any
) -> Claim | EvidenceProposal:
    """Add a claim resting on ``references`` (at least one)."""
    _require_editor(actor)
    _check_fields(fields, CLAIM_FIELDS)
    return _add(actor, Claim(**fields), [*fields, writes.MANY], references=references)


@versions.atomic_write
def update_claim(
    actor: User, claim: Claim, *, references: Sequence[Reference] | None = None, **fields: Any
) -> Claim | EvidenceProposal:
    _require_editor(actor)
    return _change(actor, claim, fields, CLAIM_FIELDS, references=references)


@versions.atomic_write
def delete_claim(actor: User, claim: Claim) -> EvidenceProposal | None:
    _require_editor(actor)
    return _remove(actor, claim)


# --- studies, arms and results -------------------------------------------------------------


@versions.atomic_write
def create_study(actor: User, **fields: Any) -> Study | EvidenceProposal:
    """Add a study; its arms and results are added with :func:`create_arm` and
    :func:`create_result`."""
    _require_editor(actor)
    _check_fields(fields, STUDY_FIELDS)
    return _add(actor, Study(**fields), fields)


@versions.atomic_write
def update_study(actor: User, study: Study, **fields: Any) -> Study | EvidenceProposal:
    _require_editor(actor)
    return _change(actor, study, fields, STUDY_FIELDS)


@versions.atomic_write
def delete_study(actor: User, study: Study) -> EvidenceProposal | None:
    """Delete a study with its results and arms (each deletion is audited and logged)."""
    _require_editor(actor)
    return _remove(actor, study)


@versions.atomic_write
def create_arm(actor: User, study: Study, **fields: Any) -> Arm | EvidenceProposal:
    _require_editor(actor)
    _check_fields(fields, ARM_FIELDS)
    return _add(actor, Arm(study=study, **fields), fields)


@versions.atomic_write
def update_arm(actor: User, arm: Arm, **fields: Any) -> Arm | EvidenceProposal:
    _require_editor(actor)
    return _change(actor, arm, fields, ARM_FIELDS)


@versions.atomic_write
def delete_arm(actor: User, arm: Arm) -> EvidenceProposal | None:
    """Delete an arm that no result refers to."""
    _require_editor(actor)
    return _remove(actor, arm)


@versions.atomic_write
def create_result(actor: User, study: Study, **fields: Any) -> Result | EvidenceProposal:
    _require_editor(actor)
    _check_fields(fields, RESULT_FIELDS)
    return _add(actor, Result(study=study, **fields), fields)


@versions.atomic_write
def update_result(actor: User, result: Result, **fields: Any) -> Result | EvidenceProposal:
    _require_editor(actor)
    return _change(actor, result, fields, RESULT_FIELDS)


@versions.atomic_write
def delete_result(actor: User, result: Result) -> EvidenceProposal | None:
    _require_editor(actor)
    return _remove(actor, result)


# --- import --------------------------------------------------------------------------------


@dataclass
class ImportPreview:
    """What an import would add: the references, or the problems named by entry."""

    references: list[Reference] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.references) and not self.errors


def preview_import(actor: User, text: str, fmt: str) -> ImportPreview:
    """Read ``text`` (``bibtex``, ``ris`` or ``csl-json``) and check every entry; saves nothing.

    Each problem names its entry: a parse error, a field that fails validation (a DOI, a year),
    or a citation key that is already in the evidence base. Text holding a NUL character is
    refused whole, naming its line.
    """
    _require_editor(actor)
    preview = ImportPreview()
    if "\x00" in text:  # PostgreSQL cannot store it; no reference format has one
        line = text.count("\n", 0, text.index("\x00")) + 1
        preview.errors.append(
            f"line {line}: the file holds a NUL character (a zero byte), so it is not a text "
            "file of references; export it again from the reference manager"
        )
        return preview
    try:
        items = import_ris(text, make_keys=True) if fmt == "ris" else import_references(text, fmt)
    except BibliographyError as error:
        preview.errors.append(str(error))
        return preview
    existing = set(Reference.objects.values_list("key", flat=True))
    for item in items:
        reference = Reference(**cslmap.fields_from_csl(item))
        try:
            reference.full_clean(validate_unique=False)
        except ValidationError as error:
            preview.errors.extend(_entry_errors(reference.key, error))
        if reference.key in existing:
            preview.errors.append(
                f"entry {reference.key!r}: this citation key is already in the evidence base"
            )
        preview.references.append(reference)
    return preview


def _entry_errors(key: str, error: ValidationError) -> list[str]:
    return [
        f"entry {key!r}, field {name!r}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]


@versions.atomic_write
def import_reference_file(actor: User, text: str, fmt: str) -> list[Reference | EvidenceProposal]:
    """Add every reference in ``text``, or none: any bad entry raises ``ValidationError``
    listing every problem by entry. Held for review, each reference is its own proposal."""
    preview = preview_import(actor, text, fmt)
    if preview.errors:
        raise ValidationError(preview.errors)
    if not preview.references:
        raise ValidationError("The file holds no references.")
    return [_add(actor, ref, _given(ref, REFERENCE_FIELDS)) for ref in preview.references]


def _given(obj: models.Model, names: Sequence[str]) -> list[str]:
    """The names of the fields of ``obj`` that hold a value."""
    return [name for name in names if getattr(obj, name) not in (None, "", [], {})]
