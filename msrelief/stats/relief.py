"""Session-level relief: the mean immediate change of a 0-10 rating from before a session to
after it, across sessions, with its t-based 95 % confidence interval.

Each session gives one difference ``post - pre``; the mean of the differences and its interval
``mean +/- t(1 - alpha/2, n - 1) * sd / sqrt(n)`` (the paired t interval; Altman DG.
*Practical Statistics for Medical Research*. Chapman & Hall, 1991, section 9.5) come from
:func:`msrelief.stats.cohort.mean_interval`. Relief is a fall for a rating where lower is better
(pain, stiffness, stress, fatigue) and a rise where higher is better (relaxation).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from msrelief.stats.cohort import Direction, Interval, mean_interval

__all__ = ["Relief", "session_relief"]


@dataclass(frozen=True)
class Relief:
    """``n`` sessions rated before and after; ``mean_change`` is the mean of post - pre (None
    without a session), ``ci`` its interval (None for fewer than two sessions), and
    ``relief_is`` says which sign is relief: "a fall" or "a rise"."""

    n: int
    mean_change: float | None
    ci: Interval | None
    relief_is: str
    direction: Direction


def session_relief(
    pairs: Sequence[tuple[float, float]], direction: Direction, level: float = 0.95
) -> Relief:
    """The relief across sessions from ``pairs`` of (pre, post) ratings. A rating that is not a
    finite number is a ``ValueError`` naming the session (1-based)."""
    for row, (pre, post) in enumerate(pairs, start=1):
        if not (math.isfinite(pre) and math.isfinite(post)):
            raise ValueError(f"session {row}: the ratings before and after must be numbers")
    changes = [post - pre for pre, post in pairs]
    mean = sum(changes) / len(changes) if changes else None
    relief_is = "a fall" if direction == "lower_is_better" else "a rise"
    return Relief(len(changes), mean, mean_interval(changes, level), relief_is, direction)
