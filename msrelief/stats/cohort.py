"""Cohort summaries of paired scores: each client's baseline and end score on one scale.

Everything here works on two NumPy arrays of the same length, ``baseline`` and ``end`` (one
pair a client), and returns plain numbers; a value that cannot be computed is ``None``, never
invented (no interval from fewer than two pairs, no standardised change from an SD of 0).

What is computed, and from which source:

* **Mean change** ``end - baseline`` and its two-sided t-based confidence interval
  ``mean +/- t(1 - alpha/2, n - 1) * sd / sqrt(n)`` (the paired t interval; Altman DG.
  *Practical Statistics for Medical Research*. Chapman & Hall, 1991, section 9.5). The SD of
  the change uses n - 1.
* **Standardised response mean** (SRM) = mean change / SD of the change (Liang MH, Fossel AH,
  Larson MG. Comparisons of five health status instruments for orthopedic evaluation. *Med
  Care* 1990;28:632-642).
* **Effect size** (ES) = mean change / SD of the baseline scores (Kazis LE, Anderson JJ,
  Meenan RF. Effect sizes for interpreting changes in health status. *Med Care* 1989;27(3
  Suppl):S178-S189). Both are descriptive; neither is bias-corrected.
* **Responders**: the share of clients whose change in the better direction reaches a
  threshold (an MCID, or a reliable change index above 1.96, Jacobson NS, Truax P. *J Consult
  Clin Psychol* 1991;59:12-19), with the **Wilson score interval** (Wilson EB. Probable
  inference, the law of succession, and statistical inference. *J Am Stat Assoc*
  1927;22:209-212; recommended by Newcombe RG. Two-sided confidence intervals for the single
  proportion: comparison of seven methods. *Stat Med* 1998;17:857-872, method 3). "Better" is
  a fall for a score where lower is better and a rise where higher is better.
* **Practice estimate** (:func:`practice_change`): the pooled change of a clinic as one
  observational row beside the trials, as a mean change with its sampling variance
  ``sd_change**2 / n``, and as the standardised mean change with raw-score standardisation
  (``SMCR``, Becker BJ. *Br J Math Stat Psychol* 1988;41:257-278; Morris SB. *Organ Res
  Methods* 2008;11:364-386), computed by :func:`~msrelief.stats.effect_sizes.
  standardised_mean_change` with the clinic's own pre-post correlation, and its normal
  interval ``yi +/- z(1 - alpha/2) * sqrt(vi)`` as metafor gives it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy import special

from msrelief.stats.effect_sizes import standardised_mean_change
from msrelief.stats.errors import MetaAnalysisError

__all__ = [
    "RELIABLE_Z",
    "ChangeSummary",
    "CohortInputError",
    "Direction",
    "Interval",
    "McidUnit",
    "PracticeChange",
    "Proportion",
    "better_change",
    "mean_interval",
    "practice_change",
    "responders_by_mcid",
    "responders_by_rci",
    "summarise_change",
    "wilson_interval",
]

FloatArray = npt.NDArray[np.float64]
Direction = Literal["lower_is_better", "higher_is_better"]
McidUnit = Literal["points", "percent"]

#: |RCI| above this is a reliable change at 95 % (Jacobson & Truax 1991), as in scoring/change.py.
RELIABLE_Z = 1.96
#: A change that reaches an MCID to within rounding meets it (as in scoring/change.py).
_MCID_TOLERANCE = 1e-9


class CohortInputError(ValueError):
    """Arrays that cannot be summarised as pairs: the message says which and why."""


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class Proportion:
    """``count`` of ``n`` clients; the proportion and its Wilson interval are None when n = 0."""

    count: int
    n: int
    proportion: float | None
    ci: Interval | None


@dataclass(frozen=True)
class ChangeSummary:
    n: int
    baseline_mean: float | None
    baseline_sd: float | None
    end_mean: float | None
    end_sd: float | None
    mean_change: float | None
    sd_change: float | None
    ci: Interval | None  # t-based, for the mean change
    srm: float | None  # standardised response mean: mean change / SD of change
    effect_size: float | None  # mean change / baseline SD


@dataclass(frozen=True)
class PracticeChange:
    """A clinic's pooled change as an observational estimate (no control group)."""

    n: int
    mean_change: float | None
    variance: float | None  # of the mean change, sd_change**2 / n
    ci: Interval | None  # t-based
    smcr: float | None  # standardised mean change, raw-score standardiser, bias-corrected
    smcr_variance: float | None
    smcr_ci: Interval | None  # normal
    correlation: float | None  # the pre-post correlation the SMCR's variance used
    label: str = "Practice (observational)"


def _pairs(baseline: npt.ArrayLike, end: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    before = np.asarray(baseline, dtype=np.float64)
    after = np.asarray(end, dtype=np.float64)
    if before.ndim != 1 or after.ndim != 1 or before.shape != after.shape:
        raise CohortInputError(
            f"baseline and end must be 1-d arrays of the same length, got shapes "
            f"{before.shape} and {after.shape}"
        )
    if not (np.isfinite(before).all() and np.isfinite(after).all()):
        raise CohortInputError("baseline and end must hold finite numbers only (no NaN)")
    return before, after


def _sd(values: FloatArray) -> float | None:
    return float(np.std(values, ddof=1)) if len(values) >= 2 else None


def _ratio(top: float | None, bottom: float | None) -> float | None:
    if top is None or bottom is None or bottom == 0:
        return None
    return top / bottom


def mean_interval(values: npt.ArrayLike, level: float = 0.95) -> Interval | None:
    """The t-based interval of the mean of ``values``; None for fewer than two values.

    Equal values give an interval of width 0 (the SD is 0).
    """
    data = np.asarray(values, dtype=np.float64)
    n = len(data)
    if n < 2:
        return None
    mean, sd = float(data.mean()), float(np.std(data, ddof=1))
    half = float(special.stdtrit(n - 1, 0.5 + level / 2)) * sd / math.sqrt(n)
    return Interval(mean - half, mean + half)


def wilson_interval(count: int, n: int, level: float = 0.95) -> Interval | None:
    """The Wilson score interval of ``count`` successes in ``n`` (no continuity correction).

    ``(p + z^2/2n +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)`` with p = count / n and z
    the normal quantile (Wilson 1927; Newcombe 1998, method 3). None when n = 0.
    """
    if n < 0 or not 0 <= count <= n:
        raise CohortInputError(f"a proportion needs 0 <= count <= n, got {count} of {n}")
    if n == 0:
        return None
    z = float(special.ndtri(0.5 + level / 2))
    p, z2 = count / n, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def _proportion(hits: npt.NDArray[np.bool_], level: float) -> Proportion:
    count, n = int(hits.sum()), len(hits)
    share = count / n if n else None
    return Proportion(count, n, share, wilson_interval(count, n, level))


def summarise_change(
    baseline: npt.ArrayLike, end: npt.ArrayLike, level: float = 0.95
) -> ChangeSummary:
    """n, means, SDs, the mean change with its t interval, the SRM and the effect size."""
    before, after = _pairs(baseline, end)
    n = len(before)
    change = after - before
    mean_change = float(change.mean()) if n else None
    sd_change, baseline_sd = _sd(change), _sd(before)
    return ChangeSummary(
        n=n,
        baseline_mean=float(before.mean()) if n else None,
        baseline_sd=baseline_sd,
        end_mean=float(after.mean()) if n else None,
        end_sd=_sd(after),
        mean_change=mean_change,
        sd_change=sd_change,
        ci=mean_interval(change, level),
        srm=_ratio(mean_change, sd_change),
        effect_size=_ratio(mean_change, baseline_sd),
    )


def better_change(baseline: FloatArray, end: FloatArray, direction: Direction) -> FloatArray:
    """The change in the better direction: positive is an improvement, whichever the scale."""
    if direction not in ("lower_is_better", "higher_is_better"):
        raise CohortInputError(f"unknown direction {direction!r}")
    change = end - baseline
    return -change if direction == "lower_is_better" else change


def responders_by_mcid(
    baseline: npt.ArrayLike,
    end: npt.ArrayLike,
    direction: Direction,
    threshold: float | npt.ArrayLike,
    unit: McidUnit = "points",
    level: float = 0.95,
) -> Proportion:
    """Clients whose improvement reaches the improvement MCID, with the Wilson interval.

    ``threshold`` is one number or one per client; a client whose threshold is NaN (no MCID
    applies, say for want of an EDSS) is left out of the count and of n. With ``unit="percent"``
    the improvement is a percentage of |baseline|, and a baseline of 0 is left out likewise.
    """
    before, after = _pairs(baseline, end)
    limits = np.broadcast_to(np.asarray(threshold, dtype=np.float64), before.shape)
    gain = better_change(before, after, direction)
    judged = ~np.isnan(limits)
    if unit == "percent":
        judged &= before != 0
        with np.errstate(divide="ignore", invalid="ignore"):
            gain = gain / np.abs(before) * 100
    elif unit != "points":
        raise CohortInputError(f"unknown MCID unit {unit!r}")
    hits = gain[judged] >= limits[judged] - _MCID_TOLERANCE
    return _proportion(hits & (gain[judged] > 0), level)


def responders_by_rci(
    baseline: npt.ArrayLike,
    end: npt.ArrayLike,
    direction: Direction,
    se_diff: float,
    level: float = 0.95,
) -> Proportion:
    """Clients with a reliable improvement: RCI = change / SEdiff beyond 1.96 in the better
    direction (Jacobson & Truax 1991), with the Wilson interval."""
    if not (math.isfinite(se_diff) and se_diff > 0):
        raise CohortInputError(f"SEdiff must be a positive number, got {se_diff!r}")
    before, after = _pairs(baseline, end)
    return _proportion(better_change(before, after, direction) / se_diff > RELIABLE_Z, level)


def _smcr(
    before: FloatArray, after: FloatArray, level: float
) -> tuple[float, float, Interval, float] | None:
    n = len(before)
    if n < 3 or np.std(before) == 0 or np.std(after) == 0:
        return None
    # Rounded, so that a correlation of 1 computed as 0.9999999999999999 counts as 1.
    r = round(float(np.corrcoef(before, after)[0, 1]), 12)
    try:
        effect = standardised_mean_change(
            float(after.mean()), float(before.mean()), n, r, sd_pre=float(np.std(before, ddof=1))
        )
    except MetaAnalysisError:  # r of exactly +/-1, or numbers beyond the stats' bounds
        return None
    half = float(special.ndtri(0.5 + level / 2)) * effect.se
    return effect.yi, effect.vi, Interval(effect.yi - half, effect.yi + half), r


def practice_change(
    baseline: npt.ArrayLike, end: npt.ArrayLike, level: float = 0.95
) -> PracticeChange:
    """The clinic's pooled change (end - baseline) as one observational estimate.

    The mean change carries ``vi = sd_change**2 / n`` and the t interval of
    :func:`summarise_change`; the SMCR needs n >= 3, a baseline and an end SD above 0 and a
    pre-post correlation strictly between -1 and 1, and is None otherwise.
    """
    before, after = _pairs(baseline, end)
    summary = summarise_change(before, after, level)
    n = summary.n
    sd = summary.sd_change
    smcr = _smcr(before, after, level)
    return PracticeChange(
        n=n,
        mean_change=summary.mean_change,
        variance=None if sd is None else sd * sd / n,
        ci=summary.ci,
        smcr=None if smcr is None else smcr[0],
        smcr_variance=None if smcr is None else smcr[1],
        smcr_ci=None if smcr is None else smcr[2],
        correlation=None if smcr is None else smcr[3],
    )
