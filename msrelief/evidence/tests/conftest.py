"""Fixtures for the evidence tests: the loaded seed, and small records made through services."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command

from msrelief.evidence import services


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Formatted citations and analyses are kept in Django's cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(db: None) -> None:
    call_command("load_evidence", stdout=io.StringIO())


@pytest.fixture
def superuser(db: None) -> Any:
    from msrelief.accounts.models import User

    return User.objects.create_superuser("root@example.test", "a-long-test-password-42")


@pytest.fixture
def evidence_editor(db: None) -> Any:
    """A researcher with no clinic, given the evidence-editing permission in the admin."""
    from django.contrib.auth.models import Permission

    from msrelief.testing import make_user

    editor = make_user("erin@research.test", None, "", full_name="Erin Editor")
    editor.user_permissions.add(Permission.objects.get(codename="edit_evidence"))
    return editor


def make_reference(actor: Any, key: str = "smith2020", **fields: Any) -> Any:
    defaults: dict[str, Any] = {
        "title": "Massage and fatigue in multiple sclerosis",
        "authors": [{"family": "Smith", "given": "J."}, {"family": "Jones", "given": "K."}],
        "container_title": "Journal of Examples",
        "year": 2020,
        "doi": "10.1234/example.2020.1",
    }
    defaults.update(fields)
    return services.create_reference(actor, key=key, **defaults)


def make_study(actor: Any, reference: Any, key: str = "smith2020", **fields: Any) -> Any:
    return services.create_study(actor, key=key, reference=reference, **fields)


def make_arms(actor: Any, study: Any, n: int | None = None) -> tuple[Any, Any]:
    treated = services.create_arm(
        actor, study, name="massage", kind="intervention", label="Massage", n_analysed=n
    )
    control = services.create_arm(
        actor, study, name="usual_care", kind="comparator", label="Usual care", n_analysed=n
    )
    return treated, control


@pytest.fixture
def reference(clinic_admin: Any) -> Any:
    return make_reference(clinic_admin)


@pytest.fixture
def study(clinic_admin: Any, reference: Any) -> Any:
    return make_study(clinic_admin, reference)


@pytest.fixture
def review_on(settings: Any) -> None:
    """``MSRELIEF_EVIDENCE_REVIEW`` on: clinic admins' edits wait for an evidence editor."""
    settings.EVIDENCE_REVIEW = True
