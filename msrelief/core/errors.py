"""The one place where a service's errors become an answer, for each edge: a form's field
errors, the JSON API's body, a FHIR OperationOutcome, and a command's one-line message.

Services raise Django's ``ValidationError`` (with field names where a field is to blame),
``PermissionDenied`` or ``Http404``; nothing else needs to know how each edge shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.http import Http404

NON_FIELD = "__all__"


def by_field(error: ValidationError) -> dict[str, list[str]]:
    """The error's messages keyed by field name (``__all__`` for the record as a whole)."""
    if hasattr(error, "error_dict"):
        return {field: list(messages) for field, messages in error.message_dict.items()}
    return {NON_FIELD: list(error.messages)}


def add_to_form(
    form: forms.BaseForm, error: ValidationError, aliases: Mapping[str, str] | None = None
) -> None:
    """Put each message on the form's field of that name (``aliases`` maps a service's field
    name to the form's), or on the whole form when the form has no such field."""
    for field, messages in by_field(error).items():
        target = (aliases or {}).get(field, field)
        form.add_error(target if target in form.fields else None, messages)


def one_line(error: ValidationError) -> str:
    """All messages in one line, each prefixed by its field: for a command or a log."""
    parts = []
    for field, messages in by_field(error).items():
        prefix = "" if field == NON_FIELD else f"{field}: "
        parts += [prefix + message for message in messages]
    return "; ".join(parts)


def as_command_error(error: ValidationError) -> CommandError:
    """A management command's error (printed without a traceback, exit 1)."""
    return CommandError(one_line(error))


def api_status(error: Exception) -> int:
    if isinstance(error, ValidationError):
        return 400
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, Http404):
        return 404
    return 500


def api_body(error: Exception) -> dict[str, Any]:
    """``{"detail": ..., "errors": {field: [...]}}`` for the JSON API."""
    if isinstance(error, ValidationError):
        return {"detail": one_line(error), "errors": by_field(error)}
    if isinstance(error, PermissionDenied):
        return {"detail": str(error) or "You may not do this."}
    return {"detail": str(error) or "Not found."}


FHIR_CODES = {400: "invalid", 403: "forbidden", 404: "not-found", 500: "exception"}


def operation_outcome(error: Exception) -> dict[str, Any]:
    """A FHIR R4 OperationOutcome with one issue per message."""
    status = api_status(error)
    code = FHIR_CODES.get(status, "exception")
    if isinstance(error, ValidationError):
        issues = [
            {
                "severity": "error",
                "code": code,
                "diagnostics": message,
                **({} if field == NON_FIELD else {"expression": [field]}),
            }
            for field, messages in by_field(error).items()
            for message in messages
        ]
    else:
        issues = [{"severity": "error", "code": code, "diagnostics": api_body(error)["detail"]}]
    return {"resourceType": "OperationOutcome", "issue": issues}
