"""The one function that writes the audit trail. Only other services call it."""

from __future__ import annotations

from typing import Any

from django.db import models

from msrelief.accounts.models import Clinic, User
from msrelief.audit import context
from msrelief.audit.models import Action, AuditEvent


def record(
    actor: User | None,
    action: Action,
    obj: models.Model,
    *,
    clinic: Clinic | None,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event for ``actor`` doing ``action`` to ``obj`` in ``clinic``.

    Called inside the caller's transaction, so the event and the change commit together.
    ``changes`` is a small JSON-ready dict, typically ``{field: [old, new]}``.
    """
    ctx = context.current()
    return AuditEvent.objects.create(
        actor=actor,
        actor_email=actor.email if actor else "",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_label=str(obj)[:200],
        clinic=clinic,
        request_id=ctx.request_id,
        remote_addr=ctx.remote_addr,
        changes=changes or {},
    )


def events_for_clinic(user: User) -> models.QuerySet[AuditEvent]:
    """The audit events a clinic admin may browse: those of their own clinic."""
    if not user.is_clinic_admin or user.clinic_id is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(clinic_id=user.clinic_id).select_related("actor")
