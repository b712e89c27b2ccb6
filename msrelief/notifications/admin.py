from __future__ import annotations

from django.contrib import admin

from msrelief.core.admin import ReadOnlyAdmin
from msrelief.notifications.models import Message


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    """Read-only: messages are written by services and sent by the worker."""

    list_display = ["created_at", "kind", "status", "attempts", "clinic", "sent_at"]
    list_filter = ["kind", "status"]
    exclude = ["body_text", "body_html"]
