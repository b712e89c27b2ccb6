"""Reading the evidence change log (reads only; the rows are written by
:mod:`msrelief.evidence.writes`).

Who sees what: the log is public, like the evidence base. Signed-in clinic staff (of any
clinic), evidence editors and superusers ("insiders") see every row, with the editor's clinic,
and the proposals awaiting review and the rejected ones. Anyone else (a visitor, a client)
sees the applied changes only, with the editor's role but not their clinic: public pages show
only applied data. No one sees the editor's name here (docs/evidence.md says why).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.urls import reverse

from msrelief.core.voice import HouseVoice
from msrelief.evidence import review, writes
from msrelief.evidence.change_models import (
    ChangeState,
    EditorRole,
    EvidenceChange,
    Kind,
    ProposalStatus,
)
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study

PAGE_SIZE = 50
EMPTY = "(empty)"


class ChangeFilterForm(HouseVoice, forms.Form):
    kind = forms.ChoiceField(
        required=False, label="Kind of record", choices=[("", "All kinds"), *Kind.choices]
    )
    since = forms.DateField(
        required=False, label="From (date)", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To (date)", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "Choose a date on or after the “From” date.")
        return data


def is_insider(user: Any) -> bool:
    """Clinic staff of any clinic, evidence editors and superusers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_clinic_staff or review.can_review(user))


def visible(user: Any) -> QuerySet[EvidenceChange]:
    changes = EvidenceChange.objects.select_related("proposal")
    return changes if is_insider(user) else changes.filter(state=ChangeState.APPLIED)


def filtered(changes: QuerySet[EvidenceChange], data: dict[str, Any]) -> QuerySet[EvidenceChange]:
    lookups = {
        "kind": data.get("kind") or None,
        "occurred_at__date__gte": data.get("since"),
        "occurred_at__date__lte": data.get("until"),
    }
    return changes.filter(**{name: value for name, value in lookups.items() if value is not None})


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Row:
    change: EvidenceChange
    editor: str
    link: str
    status: str
    fields: list[FieldChange]


def rows(changes: list[EvidenceChange], *, insider: bool) -> list[Row]:
    links = _links(changes)
    return [
        Row(
            change=change,
            editor=change.editor_text if insider else str(EditorRole(change.editor_role).label),
            link=links.get((change.kind, change.object_id), ""),
            status=status_text(change),
            fields=[field_change(change.kind, item) for item in change.fields],
        )
        for change in changes
    ]


def status_text(change: EvidenceChange) -> str:
    proposal = change.proposal
    if proposal is None:
        return ""
    if change.state == ChangeState.APPLIED:
        return f"Proposed by a clinic admin; approved on review (proposal #{proposal.pk})"
    if change.state == ChangeState.REJECTED:
        return f"Rejected on review (proposal #{proposal.pk}): {proposal.reason}"
    if proposal.status == ProposalStatus.PENDING:
        return f"Awaiting review (proposal #{proposal.pk}); not applied"
    return f"Proposal #{proposal.pk}: {ProposalStatus(proposal.status).label.lower()}"


def field_change(kind: str, item: dict[str, Any]) -> FieldChange:
    return FieldChange(
        label=field_label(kind, str(item.get("name", ""))),
        before=value_text(item.get("before")),
        after=value_text(item.get("after")),
    )


def field_label(kind: str, name: str) -> str:
    if name == writes.MANY:
        return "References"
    try:
        field = writes.MODELS[kind]._meta.get_field(name)
    except (KeyError, FieldDoesNotExist):  # renamed or removed since the row was written
        field = None
    text = str(getattr(field, "verbose_name", "") or name.replace("_", " "))
    return text[:1].upper() + text[1:]


def value_text(value: Any) -> str:
    """A logged value as plain text: authors as "Smith, J.; Jones, K.", lists joined."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_item_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _item_text(item: Any) -> str:
    if isinstance(item, dict):
        if "family" in item:
            return ", ".join(str(item[k]) for k in ("family", "given") if item.get(k))
        if "literal" in item:
            return str(item["literal"])
        return json.dumps(item, ensure_ascii=False, sort_keys=True)
    return str(item)


def _links(changes: list[EvidenceChange]) -> dict[tuple[str, int | None], str]:
    """The address of each logged record that still exists (an arm or a result: its study's
    page), in one query a kind."""
    wanted: dict[str, set[int]] = {}
    for change in changes:
        if change.object_id is not None:
            wanted.setdefault(change.kind, set()).add(change.object_id)
    links: dict[tuple[str, int | None], str] = {}
    for kind, ids in wanted.items():
        for pk, address in _addresses(kind, ids):
            links[(kind, pk)] = address
    return links


def _addresses(kind: str, ids: set[int]) -> list[tuple[int, str]]:
    if kind == Kind.REFERENCE:
        keys = list(Reference.objects.filter(pk__in=ids).values_list("pk", "key"))
        return [(pk, reverse("evidence-reference", args=[key])) for pk, key in keys]
    if kind == Kind.CLAIM:
        keys = list(Claim.objects.filter(pk__in=ids).values_list("pk", "key"))
        return [(pk, reverse("evidence-claims") + f"#claim-{key}") for pk, key in keys]
    if kind == Kind.STUDY:
        keys = list(Study.objects.filter(pk__in=ids).values_list("pk", "key"))
    elif kind == Kind.ARM:
        keys = list(Arm.objects.filter(pk__in=ids).values_list("pk", "study__key"))
    else:
        keys = list(Result.objects.filter(pk__in=ids).values_list("pk", "study__key"))
    return [(pk, reverse("evidence-study", args=[key])) for pk, key in keys]
