"""Every change to a client record goes through one of these functions. Each checks
permission, runs in one transaction, validates the whole record (nothing is saved on bad
input) and writes the audit event. Audit events name the fields that changed, not their
values, so the trail itself holds no health data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from msrelief.accounts.models import Role, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import consent, permissions
from msrelief.clients.models import Client, ConsentRecord
from msrelief.notifications import services as outbox

EDITABLE_FIELDS = (
    "display_name",
    "year_of_birth",
    "sex",
    "phenotype",
    "diagnosis_year",
    "edss",
    "email",
    "reminders",
    "time_zone",
    "notes",
    "therapist",
)


def _require_staff(actor: User) -> None:
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied("Only clinic staff can manage client records.")


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be set."))


@transaction.atomic
def create_client(
    actor: User,
    *,
    consented_on: dt.date,
    consent_version: str = consent.CURRENT_VERSION,
    **fields: Any,
) -> Client:
    """Create a client in ``actor``'s clinic with the consent they gave on ``consented_on``.

    Raises ``ValidationError`` (with field errors) on bad input and ``PermissionDenied`` for a
    user who is not clinic staff. The responsible therapist defaults to ``actor``.
    """
    _require_staff(actor)
    _check_fields(fields)
    fields.setdefault("therapist", actor)
    client = Client(clinic=actor.clinic, **fields)
    client.full_clean()
    client.save()
    audit.record(
        actor, Action.CREATE, client, clinic=client.clinic, changes={"fields": sorted(fields)}
    )
    _add_consent(actor, client, consent_version, consented_on)
    return client


@transaction.atomic
def update_client(actor: User, client: Client, **fields: Any) -> Client:
    """Change ``fields`` of ``client``; the audit event lists which fields changed."""
    _require_staff(actor)
    _check_fields(fields)
    client = permissions.get_client_or_404(actor, client.pk)
    changed = sorted(name for name, value in fields.items() if getattr(client, name) != value)
    for name in changed:
        setattr(client, name, fields[name])
    client.full_clean()
    if changed:
        client.updated_at = timezone.now()
        client.save()
        audit.record(
            actor, Action.UPDATE, client, clinic=client.clinic, changes={"fields": changed}
        )
    return client


@transaction.atomic
def delete_client(actor: User, client: Client) -> None:
    """Delete ``client`` and their consent records; the audit trail keeps the event."""
    client = permissions.get_client_or_404(actor, client.pk)
    if not permissions.can_delete_client(actor, client):
        raise PermissionDenied("Only the clinic admin or the responsible therapist can delete.")
    audit.record(actor, Action.DELETE, client, clinic=client.clinic)
    outbox.forget_client(client.pk)
    try:
        client.delete()
    except ProtectedError as error:  # a legal hold (privacy.LegalHold) keeps the record
        kept_by = ", ".join(sorted(str(obj) for obj in error.protected_objects))
        raise ValidationError(
            f"This record cannot be deleted while it is kept ({kept_by}). Ask the clinic admin."
        ) from None


@transaction.atomic
def link_login(actor: User, client: Client, user: User) -> Client:
    """Let ``user`` (a login with the client role, in the client's clinic) see this client's
    questionnaires and progress as their own."""
    _require_staff(actor)
    client = permissions.get_client_or_404(actor, client.pk)
    if user.role != Role.CLIENT or user.clinic_id != client.clinic_id:
        raise ValidationError({"user": "Only a client login of this clinic can be linked."})
    if Client.objects.filter(user=user).exclude(pk=client.pk).exists():
        raise ValidationError({"user": "This login is already linked to another client record."})
    client.user = user
    client.save(update_fields=["user"])
    audit.record(
        actor,
        Action.UPDATE,
        user,
        clinic=client.clinic,
        changes={"client": client.pk},
        event="user.client_linked",
    )
    return client


def view_client(actor: User, pk: int | str) -> Client:
    """Fetch a client for display and record that ``actor`` viewed the record (404 if the
    client is not in the actor's clinic)."""
    client = permissions.get_client_or_404(actor, pk)
    audit.record(actor, Action.VIEW, client, clinic=client.clinic)
    return client


@transaction.atomic
def record_consent(
    actor: User, client: Client, *, text_version: str, consented_on: dt.date
) -> ConsentRecord:
    """Record that ``client`` agreed to consent text ``text_version`` on ``consented_on``."""
    _require_staff(actor)
    client = permissions.get_client_or_404(actor, client.pk)
    return _add_consent(actor, client, text_version, consented_on)


def _add_consent(
    actor: User, client: Client, text_version: str, consented_on: dt.date
) -> ConsentRecord:
    if text_version not in consent.TEXTS:
        raise ValidationError({"text_version": f"Unknown consent text version {text_version!r}."})
    if consented_on > timezone.localdate():
        raise ValidationError({"consented_on": "The consent date cannot be in the future."})
    record = ConsentRecord.objects.create(
        client=client, text_version=text_version, consented_on=consented_on, recorded_by=actor
    )
    audit.record(
        actor,
        Action.CREATE,
        record,
        clinic=client.clinic,
        changes={"text_version": text_version},
        event="consent.recorded",
    )
    return record
