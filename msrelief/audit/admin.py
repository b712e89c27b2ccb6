from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from msrelief.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: audit events cannot be added, changed or deleted here."""

    list_display = ["occurred_at", "actor_email", "action", "object_type", "object_id", "clinic"]
    list_filter = ["action", "object_type"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
