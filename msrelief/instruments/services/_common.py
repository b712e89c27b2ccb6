"""What the instrument services share: who may act, finding a definition, answer parsing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from msrelief.accounts.models import User
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.scoring import get_definition
from msrelief.scoring.definition import Definition

Answers = dict[str, float]


def staff_client(actor: User, client: Client) -> Client:
    """The client, fetched again for ``actor``'s clinic (404 outside it; 403 for non-staff)."""
    return permissions.staff_client(actor, client)


def definition_or_error(code: str, version: str | None = None) -> Definition:
    try:
        return get_definition(code, version)
    except KeyError as error:
        raise ValidationError({"instrument": str(error.args[0])}) from None


def answers_from(data: dict[str, Any]) -> Answers:
    """``{"item_3": "2"}`` form data to ``{"3": 2.0}``, leaving out blanks."""
    return {
        key.removeprefix("item_"): float(value)
        for key, value in data.items()
        if key.startswith("item_") and value not in (None, "")
    }
