"""The range of numbers the statistics accept, so that no computation overflows or divides by 0.

The bounds are far wider than any trial report needs, and narrow enough that every square,
weight and sum in :mod:`.effect_sizes`, :mod:`.tau2` and :mod:`.meta` stays a finite float
with full precision. ``docs/stats.md`` lists them; each refusal names the value and the bound.
"""

from __future__ import annotations

import math
from typing import Final

from msrelief.stats.errors import MetaAnalysisError

__all__ = [
    "MAX_MAGNITUDE",
    "MAX_VARIANCE",
    "MAX_VARIANCE_RATIO",
    "MIN_VARIANCE",
    "check_effect",
    "check_number",
    "check_variance_spread",
]

#: The largest absolute value of any number given: means, SDs, group sizes, counts, effects.
MAX_MAGNITUDE: Final = 1e9
#: The smallest and largest sampling variance of a study effect.
MIN_VARIANCE: Final = 1e-12
MAX_VARIANCE: Final = 1e18
#: The largest ratio between the biggest and the smallest sampling variance in one analysis.
#: Beyond it the heterogeneity sums lose their precision (they subtract numbers of very
#: different size), so the result would not be reliable.
MAX_VARIANCE_RATIO: Final = 1e10


def _power(value: float) -> str:
    """A bound as people write it: ``1e9``, ``1e-12``."""
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def check_number(name: str, value: float) -> float:
    """``value`` as a float, if it is finite and at most :data:`MAX_MAGNITUDE` in size."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise MetaAnalysisError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise MetaAnalysisError(f"{name} must be a finite number, got {value!r}")
    if abs(number) > MAX_MAGNITUDE:
        raise MetaAnalysisError(
            f"{name} must be between -{_power(MAX_MAGNITUDE)} and {_power(MAX_MAGNITUDE)}, "
            f"got {number:g}"
        )
    return number


def check_effect(yi: float, vi: float) -> tuple[float, float]:
    """An effect and its sampling variance that can be pooled, or an error saying why not."""
    if not math.isfinite(yi) or abs(yi) > MAX_MAGNITUDE:
        largest = _power(MAX_MAGNITUDE)
        raise MetaAnalysisError(
            f"the effect size {yi:g} is outside -{largest} to {largest}, "
            "the range that can be pooled"
        )
    if not (math.isfinite(vi) and MIN_VARIANCE <= vi <= MAX_VARIANCE):
        low, high = _power(MIN_VARIANCE), _power(MAX_VARIANCE)
        raise MetaAnalysisError(
            f"the sampling variance {vi:g} is outside {low} to {high}, the range that can be pooled"
        )
    return yi, vi


def check_variance_spread(variances: list[float]) -> None:
    """Refuse studies whose sampling variances differ by more than :data:`MAX_VARIANCE_RATIO`."""
    if variances and max(variances) > MAX_VARIANCE_RATIO * min(variances):
        raise MetaAnalysisError(
            f"the largest sampling variance ({max(variances):g}) is more than "
            f"{_power(MAX_VARIANCE_RATIO)} times the smallest ({min(variances):g}); results would "
            "not be reliable. Check the units of the studies"
        )
