"""Every change to a client's dated history (relapses, DMT periods, medicines, falls,
conditions, goals) goes through these three functions. Each checks that the actor is staff of
the client's clinic, validates the whole entry (nothing is saved on bad input), saves it in one
transaction and writes the audit event, which names the kind and the fields, never the values."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client, Condition, DmtPeriod, Fall, Goal, Medicine, Relapse

# kind (as in URLs and audit events) -> (model, the fields staff may set)
KINDS: dict[str, tuple[type[models.Model], tuple[str, ...]]] = {
    "relapse": (Relapse, ("onset", "steroid_start", "steroid_end", "recovery", "notes")),
    "dmt": (DmtPeriod, ("drug", "drug_other", "route", "started", "stopped", "last_dose", "notes")),
    "medicine": (Medicine, ("name", "group", "started", "stopped")),
    "fall": (Fall, ("on", "injured", "notes")),
    "condition": (Condition, ("kind", "since", "until", "areas", "details")),
    "goal": (Goal, ("text", "set_on", "reviewed_on", "outcome")),
}


def kind_of(entry: models.Model) -> str:
    for kind, (model, _) in KINDS.items():
        if isinstance(entry, model):
            return kind
    raise ValueError(f"{type(entry).__name__} is not a history entry")


def _staff_client(actor: User, client: Client) -> Client:
    return permissions.staff_client(
        actor, client, "Only clinic staff can change a client's history."
    )


def _set(kind: str, entry: models.Model, fields: dict[str, Any]) -> list[str]:
    allowed = KINDS[kind][1]
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be set."))
    changed = sorted(name for name, value in fields.items() if getattr(entry, name) != value)
    for name in changed:
        setattr(entry, name, fields[name])
    entry.full_clean(exclude=["client"])
    return changed


@transaction.atomic
def add_entry(actor: User, client: Client, kind: str, fields: dict[str, Any]) -> models.Model:
    """Add a ``kind`` entry (see :data:`KINDS`) with ``fields`` to ``client``'s history."""
    if kind not in KINDS:
        raise ValidationError(f"There is no kind of history entry called {kind!r}.")
    client = _staff_client(actor, client)
    entry = KINDS[kind][0](client=client)
    _set(kind, entry, fields)
    entry.save()
    audit.record(
        actor,
        Action.CREATE,
        entry,
        clinic=client.clinic,
        changes={"kind": kind, "fields": sorted(fields)},
        event="history.added",
    )
    return entry


@transaction.atomic
def change_entry(actor: User, entry: models.Model, fields: dict[str, Any]) -> models.Model:
    """Change ``fields`` of a history entry; the entry is locked while it is changed."""
    kind = kind_of(entry)
    client = _staff_client(actor, entry.client)  # type: ignore[attr-defined]
    locked = type(entry)._default_manager.select_for_update().get(pk=entry.pk, client=client)
    changed = _set(kind, locked, fields)
    if changed:
        locked.save()
        audit.record(
            actor,
            Action.UPDATE,
            locked,
            clinic=client.clinic,
            changes={"kind": kind, "fields": changed},
            event="history.changed",
        )
    return locked


@transaction.atomic
def remove_entry(actor: User, entry: models.Model) -> None:
    """Remove an entry recorded by mistake; the audit trail keeps that it existed."""
    kind = kind_of(entry)
    client = _staff_client(actor, entry.client)  # type: ignore[attr-defined]
    locked = type(entry)._default_manager.select_for_update().get(pk=entry.pk, client=client)
    audit.record(
        actor,
        Action.DELETE,
        locked,
        clinic=client.clinic,
        changes={"kind": kind},
        event="history.removed",
    )
    locked.delete()
