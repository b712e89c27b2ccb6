"""Between-study variance (tau squared) estimators for the random-effects model.

* DerSimonian-Laird (DL): the method-of-moments estimator, ``tau2 = (Q - (k - 1)) / (S1 -
  S2 / S1)`` with ``S1 = sum(w)``, ``S2 = sum(w**2)``, ``w = 1 / vi`` (DerSimonian R, Laird
  N. Meta-analysis in clinical trials. Controlled Clinical Trials 1986;7:177-188;
  Borenstein et al. 2009, ch. 12; Cochrane Handbook ch. 10, section 10.10). Computed by
  statsmodels ``combine_effects(method_re="dl")``; statsmodels returns a negative value
  when ``Q < k - 1``, so the result is truncated at 0 here, as every reference does.
* Paule-Mandel (PM): the ``tau2`` at which the generalised Q statistic ``sum((yi -
  mu(tau2))**2 / (vi + tau2))`` equals its expectation ``k - 1`` (Paule RC, Mandel J.
  Consensus values and weighting factors. J Res Natl Bur Stand 1982;87:377-385;
  DerSimonian R, Kacker R. Contemp Clin Trials 2007;28:105-114). Computed by statsmodels
  ``combine_effects(method_re="pm")`` with a tight tolerance; its answer is then checked
  against the estimating equation and, if it does not satisfy it, the root is found by
  bisection instead (:func:`_bisect`).
* Restricted maximum likelihood (REML): statsmodels' ``combine_effects`` has no REML, so
  it is written here. The REML estimate is the root in ``tau2 >= 0`` of the derivative of
  the restricted log-likelihood (Viechtbauer W. Bias and efficiency of meta-analytic
  variance estimators in the random-effects model. J Educ Behav Stat 2005;30:261-293),
  ``0.5 * (sum(w**2 * (yi - mu)**2) - sum(w) + sum(w**2) / sum(w))`` with
  ``w = 1 / (vi + tau2)``. The restricted likelihood can have two peaks (a few very precise
  studies that agree beside less precise ones that do not): its slope can be negative at 0
  and the highest peak still lie above 0. So the estimate is the *global* maximum: the score
  is evaluated on a grid from 0 to far beyond the data's spread, every change of sign from
  rising to falling is refined to its root by bisection (no starting value, never below
  0), and the restricted log-likelihood
  ``-0.5 * (sum(log(vi + tau2)) + log(sum(w)) + sum(w * (yi - mu)**2))`` is compared at
  each of those roots and at 0. (The generalised Q of Paule-Mandel falls steadily as tau2
  grows, so its root is unique and needs no such search.)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Literal

import numpy as np
import numpy.typing as npt

# statsmodels (which loads pandas) takes about a third of a second to import, so it is imported
# where it is used: REML, the default of `msrelief meta`, and the pages that never estimate
# tau2 do not pay for it.

__all__ = ["TauMethod", "estimate_tau2", "q_statistic", "tau2_dl", "tau2_pm", "tau2_reml"]

Array = npt.NDArray[np.float64]
TauMethod = Literal["DL", "REML", "PM"]

# statsmodels' Paule-Mandel iteration stops when |Q(tau2) - (k - 1)| < atol.
_PM_ATOL = 1e-12
_PM_MAXITER = 500


def q_statistic(yi: Array, vi: Array) -> float:
    """Cochran's Q: ``sum(w * (yi - mu_FE)**2)`` with ``w = 1 / vi`` (Cochrane Handbook
    ch. 10, section 10.10). Computed around the weighted mean, not by the expanded
    formula, so identical studies give exactly 0."""
    w = 1.0 / vi
    mu = float(np.sum(w * yi) / np.sum(w))
    return float(np.sum(w * (yi - mu) ** 2))


def _combine_effects_tau2(yi: Array, vi: Array, **options: object) -> float:
    """tau2 from statsmodels ``combine_effects``.

    statsmodels goes on to compute random-effects weights with the unclamped tau2 and
    ``I2 = 1 - 1/H2``; both divide by zero in degenerate cases (a negative DL tau2 equal to
    ``-vi``, or ``Q = 0``) and warn. Only tau2 is read here, so those warnings are silenced.
    """
    from statsmodels.stats.meta_analysis import combine_effects

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        result = combine_effects(yi, vi, **options)
    return float(result.tau2)


def tau2_dl(yi: Array, vi: Array) -> float:
    """DerSimonian-Laird estimate via statsmodels, truncated at 0."""
    tau2 = _combine_effects_tau2(yi, vi, method_re="dl")
    if not math.isfinite(tau2):  # pragma: no cover - k >= 2 and vi > 0 make it finite
        raise ArithmeticError("the DerSimonian-Laird estimate is not finite")
    return max(0.0, tau2)


def _generalised_q_excess(yi: Array, vi: Array) -> Callable[[float], float]:
    df = len(yi) - 1

    def excess(tau2: float) -> float:
        w = 1.0 / (vi + tau2)
        mu = float(np.sum(w * yi) / np.sum(w))
        return float(np.sum(w * (yi - mu) ** 2)) - df

    return excess


def tau2_pm(yi: Array, vi: Array) -> float:
    """Paule-Mandel estimate via statsmodels, checked against its estimating equation."""
    excess = _generalised_q_excess(yi, vi)
    if excess(0.0) <= 0:
        return 0.0
    tau2 = _combine_effects_tau2(yi, vi, method_re="pm", atol=_PM_ATOL, maxiter=_PM_MAXITER)
    if math.isfinite(tau2) and tau2 > 0 and abs(excess(tau2)) <= 1e-9 * (len(yi) - 1):
        return tau2
    return _root_above_zero(excess, float(np.mean(vi)))


def _reml_score(yi: Array, vi: Array) -> Callable[[float], float]:
    def score(tau2: float) -> float:
        w = 1.0 / (vi + tau2)
        sw = float(np.sum(w))
        mu = float(np.sum(w * yi)) / sw
        return 0.5 * (float(np.sum(w**2 * (yi - mu) ** 2)) - sw + float(np.sum(w**2)) / sw)

    return score


def _reml_loglik(yi: Array, vi: Array, tau2: float) -> float:
    """The restricted log-likelihood at ``tau2``, without its constant."""
    w = 1.0 / (vi + tau2)
    sw = float(np.sum(w))
    mu = float(np.sum(w * yi)) / sw
    return -0.5 * (
        float(np.sum(np.log(vi + tau2))) + math.log(sw) + float(np.sum(w * (yi - mu) ** 2))
    )


# The grid on which the REML score's changes of sign are looked for: 0, then from 1e-10 to
# 1e6 times the larger of the effects' spread and the mean sampling variance, 40 points a
# decade (each point 6 % above the last).
_GRID_DECADES = (-10, 6)
_GRID_PER_DECADE = 40


def _reml_grid(yi: Array, vi: Array) -> Array:
    scale = max(float(np.var(yi)), float(np.mean(vi)), 1e-300)
    low, high = _GRID_DECADES
    points = np.geomspace(scale * 10.0**low, scale * 10.0**high, (high - low) * _GRID_PER_DECADE)
    return np.concatenate(([0.0], points))


def _reml_scores(yi: Array, vi: Array, grid: Array) -> Array:
    """The REML score at every grid point at once."""
    w = 1.0 / (vi[None, :] + grid[:, None])
    sw = w.sum(axis=1)
    mu = (w * yi[None, :]).sum(axis=1) / sw
    w2 = w**2
    scores: Array = 0.5 * (
        (w2 * (yi[None, :] - mu[:, None]) ** 2).sum(axis=1) - sw + w2.sum(axis=1) / sw
    )
    return scores


def tau2_reml(yi: Array, vi: Array) -> float:
    """REML estimate: the global maximum of the restricted likelihood over tau2 >= 0."""
    score = _reml_score(yi, vi)
    grid = _reml_grid(yi, vi)
    with np.errstate(all="ignore"):
        scores = _reml_scores(yi, vi, grid)
    candidates = [0.0]
    for i in np.flatnonzero((scores[:-1] > 0) & (scores[1:] <= 0)):
        lower, upper = float(grid[i]), float(grid[i + 1])
        if score(upper) == 0:
            candidates.append(upper)
            continue
        candidates.append(max(0.0, _bisect(score, lower, upper)))
    if scores[-1] > 0:  # still rising at the end of the grid: follow it up
        candidates.append(_root_above_zero(score, float(grid[-1])))
    return max(candidates, key=lambda tau2: _reml_loglik(yi, vi, tau2))


def _root_above_zero(func: Callable[[float], float], scale: float) -> float:
    """Root of a function that is positive at 0 and negative for large arguments.

    The bracket is narrowed to ``[x, 2x]`` (by doubling and halving from ``scale``) before
    it is bisected, so the tolerance is relative to the size of the answer.
    """
    upper = scale
    for _ in range(4000):
        if func(upper) < 0:
            break
        upper *= 2.0
    else:  # pragma: no cover - needs a function that never turns negative
        raise ArithmeticError("could not bracket the heterogeneity estimate")
    lower = upper / 2.0
    while lower > 1e-300 and func(lower) < 0:
        upper, lower = lower, lower / 2.0
    if func(lower) < 0:  # pragma: no cover - root closer to 0 than 1e-300
        lower = 0.0
    return max(0.0, _bisect(func, lower, upper))


def _bisect(func: Callable[[float], float], lower: float, upper: float) -> float:
    """The root of ``func`` between ``lower`` (where it is >= 0) and ``upper`` (where it is
    < 0), to ``upper * 1e-15``, by bisection (Press WH et al. Numerical Recipes, 3rd ed.
    2007, section 9.1): the bracket is halved, keeping the half where the sign changes,
    until it is that narrow or no float lies inside it. About 50 halvings on a bracket
    ``[x, 2x]``, each one evaluation of a sum over the studies.

    Written here, not ``scipy.optimize.brentq``, which needs fewer evaluations: importing
    ``scipy.optimize`` took 0.15 s of the 0.5 s ``msrelief meta`` may take to start
    (benchmarks/cli.py), and the roots the two give differ only within the rounding of the
    function near its root (under 1e-12 of its size, tests/test_tau2_bisection.py)."""
    if func(lower) == 0:
        return lower
    tolerance = upper * 1e-15
    while upper - lower > tolerance:
        middle = 0.5 * (lower + upper)
        if not lower < middle < upper:  # no float left between them
            break
        value = func(middle)
        if value == 0:
            return middle
        if value > 0:
            lower = middle
        else:
            upper = middle
    return 0.5 * (lower + upper)


def estimate_tau2(method: TauMethod, yi: Array, vi: Array) -> float:
    """tau2 by the named method; needs at least two studies."""
    if method == "DL":
        return tau2_dl(yi, vi)
    if method == "PM":
        return tau2_pm(yi, vi)
    if method == "REML":
        return tau2_reml(yi, vi)
    raise ValueError(f"unknown heterogeneity method {method!r}")
