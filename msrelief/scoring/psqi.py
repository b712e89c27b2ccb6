"""Pittsburgh Sleep Quality Index: the seven-component algorithm of Buysse et al. (1989).

Source: Buysse DJ, Reynolds CF, Monk TH, Berman SR, Kupfer DJ. The Pittsburgh Sleep Quality
Index. *Psychiatry Res* 1989;28:193-213 [S16] (keys: ``docs/scoring/sources.md``). The public
Awell implementation [S2] has two known faults that this module avoids: the disturbance items
are scored 0-3 like every other frequency item, and the efficiency bands are closed intervals with
no gaps (84.5 % falls in the 75-84 % band).

Answer encoding (documented for users in ``docs/scoring/psqi.md``); item numbers follow the
printed form:

* ``1`` usual bedtime and ``3`` usual getting-up time: clock time as decimal hours on a 24-hour
  clock, 0-24 (23:30 is 23.5, 06:15 is 6.25). Time in bed wraps past midnight.
* ``2`` minutes usually taken to fall asleep, 0-1440.
* ``4`` hours of actual sleep per night, decimal hours 0-24.
* ``5a``-``5j`` how often sleep was troubled (0 = not during the past month, 1 = less than once
  a week, 2 = once or twice a week, 3 = three or more times a week). ``5j`` ("other reason") is
  optional: left out it counts as 0, because the form only asks for it when there is another
  reason.
* ``6`` subjective sleep quality (0 = very good ... 3 = very bad); ``7`` sleep medicine (0-3
  frequency); ``8`` trouble staying awake (0-3 frequency); ``9`` problem keeping up enthusiasm
  (0 = no problem ... 3 = a very big problem).

Boundary choices where the printed rules are ambiguous: latency minutes 15 or less score 0,
over 15 to 30 score 1, over 30 to 60 score 2, over 60 score 3; duration over 7 h scores 0, 6 to 7 h
inclusive scores 1, 5 h up to (not including) 6 h scores 2, under 5 h scores 3; efficiency 85 % or
more scores 0, 75 % up to 85 % scores 1, 65 % up to 75 % scores 2, under 65 % scores 3.

This module scores one response; :mod:`msrelief.scoring.psqi_matrix` applies the same rules to
many at once with NumPy, kept apart so that scoring one response does not import NumPy.
"""

from __future__ import annotations

import math

from msrelief.scoring.errors import DefinitionError, ScoringError
from msrelief.scoring.models import DefinitionSpec
from msrelief.scoring.plan import BAND_EPSILON, Plan, format_number

DISTURBANCE_ITEMS = ("5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i")
LINK_IDS = ("1", "2", "3", "4", "5a", *DISTURBANCE_ITEMS, "5j", "6", "7", "8", "9")
COMPONENTS = (
    "subjective_quality",
    "latency",
    "duration",
    "efficiency",
    "disturbances",
    "medication",
    "daytime_dysfunction",
)


def check_psqi_spec(file: str, spec: DefinitionSpec) -> None:
    """The PSQI algorithm needs exactly these items and these component names."""
    links = tuple(item.link_id for item in spec.scoring.items)
    if links != LINK_IDS:
        raise DefinitionError(file, "scoring.items", f"PSQI items must be {list(LINK_IDS)}")
    optional = [item.link_id for item in spec.scoring.items if item.optional]
    if optional != ["5j"]:
        raise DefinitionError(file, "scoring.items", "only item 5j is optional in the PSQI")
    names = sorted(score.name for score in spec.scoring.scores)
    if names != sorted((*COMPONENTS, "total")):
        raise DefinitionError(file, "scoring.scores", f"PSQI scores must be total + {COMPONENTS}")


def latency_minutes_score(minutes: float) -> int:
    """Question 2 scored 0-3 (Buysse 1989, component 2)."""
    if minutes <= 15:
        return 0
    if minutes <= 30:
        return 1
    if minutes <= 60:
        return 2
    return 3


def duration_score(hours: float) -> int:
    """Component 3 from question 4 (Buysse 1989)."""
    if hours > 7:
        return 0
    if hours >= 6:
        return 1
    if hours >= 5:
        return 2
    return 3


def efficiency_score(percent: float) -> int:
    """Component 4 from habitual sleep efficiency in percent (Buysse 1989)."""
    if percent >= 85 - BAND_EPSILON:
        return 0
    if percent >= 75 - BAND_EPSILON:
        return 1
    if percent >= 65 - BAND_EPSILON:
        return 2
    return 3


def hours_in_bed(code: str, bedtime: float, rising: float, asleep: float, where: str = "") -> float:
    """Time in bed from the two clock times; refuse answers that cannot both be true."""
    in_bed = (rising - bedtime) % 24
    if in_bed == 0:
        raise ScoringError(
            f"{code}{where} items 1 and 3: bedtime and getting-up time are the same clock time, "
            "so time in bed cannot be worked out; give clock times as hours 0-24 (23:30 = 23.5)"
        )
    if asleep > in_bed + BAND_EPSILON:
        raise ScoringError(
            f"{code}{where} item 4: {format_number(asleep)} hours asleep is more than the "
            f"{format_number(in_bed)} hours in bed given by items 1 and 3"
        )
    return in_bed


def score_components(plan: Plan, values: list[float | None]) -> dict[str, float | None]:
    """Component scores (None where an item is missing) and the global score, one response."""

    def answer(link: str) -> float | None:
        return values[plan.index[link]]

    def both(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None else float(math.ceil((a + b) / 2))

    q1, q2, q3, q4, q5a = (answer(link) for link in ("1", "2", "3", "4", "5a"))
    scores: dict[str, float | None] = {
        "subjective_quality": answer("6"),
        "latency": None if q2 is None else both(latency_minutes_score(q2), q5a),
        "duration": None if q4 is None else float(duration_score(q4)),
        "efficiency": None,
        "disturbances": None,
        "medication": answer("7"),
        "daytime_dysfunction": both(answer("8"), answer("9")),
    }
    if q1 is not None and q3 is not None and q4 is not None:
        in_bed = hours_in_bed(plan.code, q1, q3, q4)
        scores["efficiency"] = float(efficiency_score(q4 / in_bed * 100))
    disturbances = [answer(link) for link in DISTURBANCE_ITEMS]
    if all(value is not None for value in disturbances):
        total = sum(value for value in disturbances if value is not None) + (answer("5j") or 0.0)
        scores["disturbances"] = float(math.ceil(total / 9))
    parts = [scores[name] for name in COMPONENTS]
    scores["total"] = None if None in parts else sum(p for p in parts if p is not None)
    return scores
