"""Small factories for tests: personas and records made through the same services as real use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

PASSWORD = "a-long-test-password-42"  # noqa: S105  (test logins only)


def audit_turn_queries() -> int:
    """The queries an audit event costs besides its INSERT: reading the last event's hash, and
    on PostgreSQL taking the writers' lock before it (msrelief.audit.chain.take_turn)."""
    from django.db import connection

    return 2 if connection.vendor == "postgresql" else 1


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
        "notes": "Prefers morning sessions.",
    }
    defaults.update(fields)
    return services.create_client(actor, consented_on=dt.date(2026, 1, 5), **defaults)


def assign(actor: Any, client: Any, code: str = "phq9", **options: Any) -> tuple[Any, str]:
    """Give ``client`` a questionnaire as ``actor`` would; returns (administration, token)."""
    from msrelief.instruments import services

    return services.assign_instrument(actor, client, code, **options)


PHQ9_ALL_ZERO = {str(n): 0.0 for n in range(1, 10)}


def licensed_wording(code: str = "mfis21") -> dict[str, Any]:
    """What a clinic holding a licence would import: the definition's FHIR Questionnaire with
    wording in every item and a label on every answer. The wording here is invented; real
    licensed text is never in this repository."""
    import copy

    from msrelief.scoring import get_definition

    resource: dict[str, Any] = copy.deepcopy(get_definition(code).questionnaire)
    for item in resource["item"]:
        item["text"] = f"Licensed wording of question {item['linkId']}"
        for option in item.get("answerOption", []):
            option["valueCoding"]["display"] = f"Licensed answer {option['valueCoding']['code']}"
    return resource


def assert_matches_snapshot(text: str, path: Any) -> None:
    """Compare ``text`` with a committed snapshot file. Set MSRELIEF_UPDATE_SNAPSHOTS=1 to
    (re)write the snapshot after a deliberate change, then review and commit the diff."""
    import os
    from pathlib import Path

    snapshot = Path(path)
    if os.environ.get("MSRELIEF_UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(text)
    assert snapshot.exists(), f"no snapshot {snapshot}; run with MSRELIEF_UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(), (
        f"{snapshot.name} changed; if deliberate, rerun with MSRELIEF_UPDATE_SNAPSHOTS=1"
    )
