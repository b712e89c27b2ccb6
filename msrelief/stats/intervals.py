"""Confidence intervals for one reported figure: a group's mean change, or a standardised
difference between two groups reported without its interval.

Used to set a trial's figure beside one client's change (``msrelief.evidence.comparators``).
Each function takes only what a paper reports and refuses, with a :class:`MetaAnalysisError`
naming the value, anything it cannot use; nothing is assumed (no pre-post correlation, no
group sizes).

Sources cited in the docstrings:

* Altman DG, Machin D, Bryant TN, Gardner MJ (eds). Statistics with Confidence. 2nd ed. BMJ
  Books, 2000, chapter 4 (cited as "Altman et al. 2000").
* Higgins JPT, Li T, Deeks JJ (eds). Chapter 6 of the Cochrane Handbook for Systematic Reviews
  of Interventions, version 6.5, 2024 (cited as "Cochrane Handbook ch. 6").
* Borenstein M, Hedges LV, Higgins JPT, Rothstein HR. Introduction to Meta-Analysis. Wiley,
  2009 (cited as "Borenstein et al. 2009").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import special

from msrelief.stats.bounds import check_number
from msrelief.stats.errors import MetaAnalysisError

__all__ = ["Interval", "mean_change_interval", "standardised_difference_interval"]


@dataclass(frozen=True)
class Interval:
    """An estimate with the limits of its confidence interval at ``level``."""

    estimate: float
    low: float
    high: float
    level: float


def _level(level: float) -> float:
    if not 0 < level < 1:
        raise MetaAnalysisError(f"level must be between 0 and 1, got {level!r}")
    return level


def _group_size(name: str, value: float, minimum: int) -> float:
    number = check_number(name, value)
    if number < minimum or number != math.floor(number):
        raise MetaAnalysisError(
            f"{name} must be a whole number of {minimum} or more, got {value!r}"
        )
    return number


def mean_change_interval(
    mean_change: float, sd_change: float, n: float, *, level: float = 0.95
) -> Interval:
    """Confidence interval of the mean change within one group, from the mean and SD of the
    change scores of its ``n`` people.

    ``mean_change ± t(n - 1) * sd_change / sqrt(n)``, with ``t(n - 1)`` the two-sided Student t
    quantile for ``level`` on ``n - 1`` degrees of freedom: the one-sample t interval of a mean
    (Altman et al. 2000, ch. 4). It is the interval the Cochrane Handbook ch. 6, section
    6.5.2.2, inverts to recover an SD from a reported CI. The SD must be that of the change
    scores: the SDs at baseline and follow-up do not give it without the pre-post correlation.
    """
    mean_change = check_number("mean_change", mean_change)
    sd_change = check_number("sd_change", sd_change)
    if sd_change <= 0:
        raise MetaAnalysisError(f"sd_change must be greater than 0, got {sd_change!r}")
    n = _group_size("n", n, 2)
    t = float(special.stdtrit(n - 1, 0.5 + _level(level) / 2))
    half = t * sd_change / math.sqrt(n)
    return Interval(mean_change, mean_change - half, mean_change + half, level)


def standardised_difference_interval(
    g: float, n1: float, n2: float, *, level: float = 0.95
) -> Interval:
    """Confidence interval of a reported Hedges' g between two groups of ``n1`` and ``n2``.

    ``g ± z * sqrt(vi)`` with ``vi = 1/n1 + 1/n2 + g**2 / (2 * (n1 + n2))``, the large-sample
    variance of g (Borenstein et al. 2009, ch. 4; Cochrane Handbook ch. 6, section 6.5; the
    variance :func:`msrelief.stats.hedges_g` gives, metafor ``escalc(measure="SMD")``) and
    ``z`` the normal quantile for ``level`` (1.959964 for 95 %), as metafor's intervals.
    """
    g = check_number("g", g)
    n1, n2 = _group_size("n1", n1, 2), _group_size("n2", n2, 2)
    vi = 1 / n1 + 1 / n2 + g * g / (2 * (n1 + n2))
    half = float(special.ndtri(0.5 + _level(level) / 2)) * math.sqrt(vi)
    return Interval(g, g - half, g + half, level)
