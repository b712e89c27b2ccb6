"""The scoring tests import nothing from Django.

The project's root conftest.py has autouse fixtures that adjust Django settings. They are
overridden here by name with no-ops, so this package's tests also run without the Django plugin
(``pytest -p no:django msrelief/scoring``).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _non_utc_time_zone() -> None:
    """Scoring is time-zone free; nothing to set."""


@pytest.fixture(autouse=True)
def _fast_password_hasher() -> None:
    """Scoring has no passwords; nothing to set."""
