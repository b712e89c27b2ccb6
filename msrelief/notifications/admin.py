from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from msrelief.notifications.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    """Read-only: messages are written by services and sent by the worker."""

    list_display = ["created_at", "kind", "status", "attempts", "clinic", "sent_at"]
    list_filter = ["kind", "status"]
    exclude = ["body_text", "body_html"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
