"""Template helpers for questionnaire pages."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def group_describedby(field: BoundField, lead_id: str = "", anchors: object = None) -> SafeString:
    """`` aria-describedby="..."`` for a question's group: the lead line above it (when shown
    apart from the question), a rating's anchors and the field's error; nothing if none."""
    ids = [lead_id]
    if anchors:
        ids.append(f"{field.auto_id}-anchors")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    chosen = " ".join(name for name in ids if name)
    return format_html(' aria-describedby="{}"', chosen) if chosen else SafeString("")
