"""The charts tests import nothing from Django.

The project's root conftest.py has autouse fixtures that adjust Django settings. They are
overridden here by name with no-ops, so this package's tests also run without the Django plugin
(``pytest -p no:django msrelief/charts``).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _non_utc_time_zone() -> None:
    """Charts are time-zone free; nothing to set."""


@pytest.fixture(autouse=True)
def _fast_password_hasher() -> None:
    """Charts have no passwords; nothing to set."""
