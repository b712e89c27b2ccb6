"""Small factories for tests: personas and records made through the same services as real use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

PASSWORD = "a-long-test-password-42"  # noqa: S105  (test logins only)


def make_user(email: str, clinic: Any = None, role: str = "", **extra: Any) -> Any:
    from msrelief.accounts.models import User

    return User.objects.create_user(email, PASSWORD, clinic=clinic, role=role, **extra)


def make_client_record(actor: Any, **fields: Any) -> Any:
    """A client created through the service, as a therapist would."""
    from msrelief.clients import services

    defaults: dict[str, Any] = {
        "display_name": "Robin Example",
        "year_of_birth": 1980,
        "phenotype": "RRMS",
        "diagnosis_year": 2010,
        "edss": Decimal("3.5"),
        "dmt": "ocrelizumab",
        "other_medicines": ["baclofen"],
    }
    defaults.update(fields)
    return services.create_client(actor, consented_on=dt.date(2026, 1, 5), **defaults)
