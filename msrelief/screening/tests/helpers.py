"""Shared by the screening tests: the day of the screen and dates counted back from it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msrelief.screening import ScreenResult, screen

TODAY = dt.date(2025, 6, 10)


def days_ago(days: int) -> str:
    """The ISO date ``days`` days before the screen (negative: after it)."""
    return (TODAY - dt.timedelta(days=days)).isoformat()


def answers(**extra: Any) -> dict[str, Any]:
    return {"date": TODAY.isoformat(), **extra}


def run(**extra: Any) -> ScreenResult:
    return screen(answers(**extra))


def fired_ids(result: ScreenResult) -> set[str]:
    return {rule.id for rule in result.rules}
