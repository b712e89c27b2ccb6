"""Responses for the cohort tests, entered through the instruments service as staff would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msrelief.instruments import services as measures

FIRST_DAY = dt.date(2026, 3, 2)


def phq9(total: int) -> dict[str, float]:
    """PHQ-9 answers adding up to ``total`` (0-24) over items 1-8; item 9 (self-harm) is 0."""
    answers = {str(item): 0.0 for item in range(1, 10)}
    left = total
    for item in range(1, 9):
        answers[str(item)] = float(min(3, left))
        left -= int(answers[str(item)])
    assert left == 0, "PHQ-9 items 1-8 add up to 24 at most"
    return answers


def enter_phq9(actor: Any, client: Any, totals: list[int], first: dt.date = FIRST_DAY) -> list[Any]:
    """One PHQ-9 response a week from ``first``, with these totals."""
    return [
        measures.enter_response(
            actor, client, "phq9", phq9(total), completed_on=first + dt.timedelta(weeks=week)
        )
        for week, total in enumerate(totals)
    ]
