"""Form fields shared by the apps: a list typed one item a line, and a multiple-choice model
field that refuses a key too large for the database before asking it.

Django's ``ModelMultipleChoiceField`` looks the posted keys up with an ``__in`` query; on SQLite a
key above 2**63 - 1 (``references=99999999999999999999``) raises ``OverflowError`` deep in the
driver, a 500. (A single ``ModelChoiceField`` is safe: Django answers an out-of-range ``exact``
lookup with no rows.) This subclass answers such a key with the field's ordinary "not a valid
value" error, so the form names the field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

#: The largest value of a 64-bit signed integer column (every id in msrelief).
LARGEST_KEY = 2**63 - 1


def _too_large(field: forms.ModelMultipleChoiceField[Any], value: object) -> bool:
    if field.queryset is None or field.to_field_name is not None:
        return False
    key = field.queryset.model._meta.pk
    if not isinstance(key, models.IntegerField):
        return False
    try:
        number = int(str(value).strip())
    except ValueError:
        return False  # not a number at all: Django's own check says so
    return not -LARGEST_KEY - 1 <= number <= LARGEST_KEY


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField[Any]):
    def _check_values(self, value: Any) -> Any:
        for pk in value or ():
            if _too_large(self, pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:40]},
                )
        return super()._check_values(value)  # type: ignore[misc]  # not in django-stubs


class LinesField(forms.CharField):
    """A textarea where each non-empty line becomes one item of a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]
