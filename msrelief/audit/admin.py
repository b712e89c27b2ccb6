from __future__ import annotations

from django.contrib import admin

from msrelief.audit.models import AuditEvent
from msrelief.core.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: audit events cannot be added, changed or deleted here."""

    list_display = ["occurred_at", "actor_email", "action", "object_type", "object_id", "clinic"]
    list_filter = ["action", "object_type"]
