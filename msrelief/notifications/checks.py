"""The task backend must be one docs/settings.md lists."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error


def tasks_backend_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.TASKS["default"]["BACKEND"] == "invalid":
        return [Error("MSRELIEF_TASKS is not one of database, immediate.", id="msrelief.E010")]
    return []
