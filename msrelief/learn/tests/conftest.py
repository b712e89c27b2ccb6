"""Fixtures for the Learn tests: the small fixture content, the seeded evidence base, and a
cache emptied around each test (rendered pages and comment counts live in it)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command

FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
#: The statuses the tests give the claims the fixture pages cite, whatever the seed says today
#: (a claim checked later must not change what these tests mean).
FIXTURE_STATUSES = {
    "C1": "second_hand",
    "C4": "second_hand",
    "C12": "abstract_only",
    "C13": "unverified",
    "C14": "abstract_only",
}


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fixture_content(settings: Any) -> None:
    settings.LEARN_CONTENT_DIR = FIXTURE_CONTENT


@pytest.fixture
def seeded(db: None) -> None:
    """The evidence seed, with the fixture pages' claims at :data:`FIXTURE_STATUSES`."""
    from msrelief.evidence.models import Claim

    call_command("load_evidence", stdout=io.StringIO())
    for key, status in FIXTURE_STATUSES.items():
        Claim.objects.filter(key=key).update(verification_status=status)


@pytest.fixture
def evidence_editor(db: None) -> Any:
    """A researcher with no clinic, given the evidence-editing permission in the admin."""
    from django.contrib.auth.models import Permission

    from msrelief.testing import make_user

    editor = make_user("erin@research.test", None, "", full_name="Erin Editor")
    editor.user_permissions.add(Permission.objects.get(codename="edit_evidence"))
    return editor
