"""Template helpers for accessible forms (GOV.UK pattern: hint and error tied to the input)."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.utils.safestring import SafeString

from msrelief.core.voice import NamedFieldError

register = template.Library()


@register.simple_tag
def widget(field: BoundField) -> SafeString:
    """Render the field's input with aria-describedby pointing at its hint and error."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs: dict[str, str | bool] = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def summary_line(error: ValidationError, label: str) -> str:
    """An error summary's line: "Label: message", or the message alone when the house voice
    wrote it, since it names the field already ("Enter the date of consent.")."""
    text = " ".join(str(message) for message in error.messages)
    return text if isinstance(error, NamedFieldError) else f"{label}: {text}"


@register.filter
def bound(form: Any, name: str) -> BoundField:
    """``{{ form|bound:"item_3" }}``: a form's field by a name held in a variable."""
    return form[name]  # type: ignore[no-any-return]
