"""The screening tests import nothing from Django.

The project's root conftest.py has autouse fixtures that adjust Django settings. They are
overridden here by name with no-ops, so this package's tests also run without the Django plugin
(``pytest -p no:django msrelief/screening``).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _non_utc_time_zone() -> None:
    """The screen counts whole days between dates; no time zone is involved."""


@pytest.fixture(autouse=True)
def _fast_password_hasher() -> None:
    """The screen has no passwords; nothing to set."""


@pytest.fixture(autouse=True)
def _tasks_run_after_commit() -> None:
    """The screen sends nothing; nothing to set."""
