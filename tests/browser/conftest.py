"""Browser tests drive Debian's headless Chromium through Playwright against a live server.

Run them with ``pytest tests/browser`` (``make test`` does). Playwright cannot download its own
browsers here, so the system's ``/usr/bin/chromium`` is used.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

# pytest-django's live_server runs in a thread while Playwright's sync API runs an event loop
# in this one; Django must be told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("MSRELIEF_CHROMIUM", "/usr/bin/chromium")
# The machine has no network: stop Chromium reaching out for updates, sync and the like.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "en-GB"}
