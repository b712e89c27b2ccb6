"""The one function that writes the audit trail. Only other services call it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.db import connection, models, transaction

from msrelief.audit import append_pg, chain, context
from msrelief.audit.events import default_name, event_type
from msrelief.audit.models import Action, AuditEvent

if TYPE_CHECKING:
    from msrelief.accounts.models import Clinic, User

# How an object is named in the trail when its model's own name would read oddly.
LABELS = {
    "instruments.administration": "Questionnaire",
    "instruments.clinicquestionnaire": "Licensed wording",
    "clients.consentrecord": "Consent record",
    "clients.dmtperiod": "DMT period",
    "safety.screen": "Safety screen",
    "accounts.user": "Login",
    "notifications.message": "Message",
    "programmes.programmetemplate": "Programme template",
    "programmes.plannedsession": "Session",
    "programmes.sessionnote": "Session note",
    "programmes.sessionrating": "Session rating",
    "portal.signinlink": "Sign-in link",
    "programmes.calendarfeed": "Calendar feed",
    "privacy.consentwithdrawal": "Consent withdrawal",
    "privacy.processingrecord": "Processing activity",
}


_ADDRESS = AuditEvent._meta.get_field("remote_addr")


def label_for(obj: models.Model) -> str:
    """``Client #42``: the kind and the id, never a name or a value, so that the append-only
    trail holds no personal or health data (docs/privacy.md)."""
    meta = obj._meta
    kind = LABELS.get(meta.label_lower, str(meta.verbose_name).capitalize())
    return f"{kind} #{obj.pk}"


def _client_ref(obj: models.Model | None) -> int | None:
    if obj is None:
        return None
    if obj._meta.label_lower == "clients.client":
        return int(obj.pk)
    client_id = getattr(obj, "client_id", None)
    return int(client_id) if client_id is not None else None


def _actor_name(actor: User | None) -> str:
    """Who acted, as the trail keeps it: a staff member's address; a client's login only by
    its number (``client login #7``), so that the trail names no client (docs/privacy.md)."""
    if actor is None:
        return ""
    if getattr(actor, "role", "") == "client":
        return f"client login #{actor.pk}"
    return str(actor.email)


def record(
    actor: User | None,
    action: Action,
    obj: models.Model | None,
    *,
    clinic: Clinic | None,
    changes: dict[str, Any] | None = None,
    event: str | None = None,
) -> AuditEvent:
    """Write one audit event for ``actor`` doing ``action`` to ``obj`` in ``clinic``.

    ``event`` names the kind (``response.corrected``); without it the kind is the model's
    namespace and the action (``client.updated``). Called inside the caller's transaction, so
    the event and the change commit together; the event is chained onto the one before it
    (audit/chain.py), and on PostgreSQL other writers of the trail wait until that
    transaction ends. ``changes`` is a small JSON-ready dict of what
    changed (field names, never their values).
    """
    label_lower = obj._meta.label_lower if obj is not None else ""
    kind = event_type(event or default_name(label_lower, action))
    if kind.action != action:
        raise ValueError(f"audit event {kind.name} is a {kind.action}, not a {action}")
    ctx = context.current()
    written = AuditEvent(
        actor=actor if actor is not None and actor.pk else None,
        actor_email=_actor_name(actor),
        action=action,
        event=kind.name,
        object_type=label_lower,
        object_id=str(obj.pk) if obj is not None else "",
        object_label=label_for(obj) if obj is not None else "an unknown login",
        clinic=clinic,
        client_ref=_client_ref(obj),
        request_id=ctx.request_id,
        # As the database will give them back, so that the hash matches the stored row:
        # the address in its normal spelling, the changes through a JSON round trip.
        remote_addr=_ADDRESS.get_prep_value(ctx.remote_addr),
        changes=json.loads(json.dumps(changes or {}, allow_nan=False)),
    )
    if connection.vendor == "postgresql":
        # One statement: the turn, the last hash and the append (audit/append_pg.py).
        append_pg.append(written, connection)
        return written
    # One transaction for taking the turn, reading the last hash and appending.
    with transaction.atomic(savepoint=False):
        written.previous_hash = chain.take_turn()
        written.hash = chain.event_hash(written)
        written.save()
    return written


def events_for_clinic(user: User) -> models.QuerySet[AuditEvent]:
    """The audit events a clinic admin may browse: those of their own clinic."""
    if not user.is_clinic_admin or user.clinic_id is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(clinic_id=user.clinic_id).select_related("actor")


def record_export(actor: User, rows: int, filters: dict[str, str]) -> AuditEvent:
    """Record that ``actor`` downloaded ``rows`` events of the audit log with ``filters``."""
    return record(
        actor,
        Action.VIEW,
        None,
        clinic=actor.clinic,
        changes={"rows": rows, "filters": {k: v[:100] for k, v in sorted(filters.items())}},
        event="audit.exported",
    )
