"""A pytest plugin (loaded by ``-p msrelief.pytest_rate_limit`` in pyproject.toml's addopts).

Every test client request comes from 127.0.0.1, and the rate limiter's counts live in the
process-wide cache, so a suite of thousands of tests would trip the public-POST limit
(:mod:`msrelief.core.ratelimit`). This fixture raises the limit for every test; the limiter
still counts each request. A test of the limit itself sets ``settings.PUBLIC_POSTS_PER_MINUTE``
(or ``settings.SIGN_IN_RATE``, the sign-in pages' own limit) low again and clears the cache.
"""

from __future__ import annotations

import pytest

#: Far above what any one test sends from one address in a minute.
GENEROUS_LIMIT = 1_000_000


@pytest.fixture(autouse=True)
def _generous_rate_limit(request: pytest.FixtureRequest) -> None:
    if not request.config.pluginmanager.hasplugin("django"):
        return  # the Django-free scoring tests (pytest -p no:django)
    settings = request.getfixturevalue("settings")
    settings.PUBLIC_POSTS_PER_MINUTE = GENEROUS_LIMIT
    settings.SIGN_IN_RATE = f"{GENEROUS_LIMIT}/m"  # the per-address sign-in throttle
