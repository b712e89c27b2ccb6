"""Inverse-variance meta-analysis: fixed effect and random effects (DL, REML, PM).

The model and every reported number follow R's metafor ``rma()`` with ``test="z"`` (the
default) or ``test="knha"`` (``hksj=True``), and ``predict()`` for the prediction interval,
so that results can be checked against published metafor output (see
``msrelief/stats/tests/test_meta_reference.py`` and ``docs/stats.md``).

Formulas (Borenstein et al. 2009, chs. 11-17; Cochrane Handbook ch. 10, section 10.10;
Viechtbauer 2010):

* weights ``w = 1 / (vi + tau2)`` (``tau2 = 0`` for the fixed-effect model); estimate
  ``mu = sum(w * yi) / sum(w)``; ``se = sqrt(1 / sum(w))``; CI ``mu +/- z * se``.
* Hartung-Knapp-Sidik-Jonkman (Hartung J, Knapp G. Stat Med 2001;20:3875-3889; Sidik K,
  Jonkman JN. Stat Med 2002;21:3153-3159): ``se = sqrt(sum(w * (yi - mu)**2) / ((k - 1) *
  sum(w)))`` and a t distribution with ``k - 1`` df. Like metafor, the scale factor is not
  truncated at 1, so the HKSJ interval can be narrower than the normal one.
* Q is Cochran's Q with fixed-effect weights, tested against chi-square with ``k - 1`` df.
* For random-effects models ``I2 = 100 * tau2 / (tau2 + s2)`` and ``H2 = (tau2 + s2) /
  s2`` with the "typical" within-study variance ``s2 = (k - 1) * sum(w0) / (sum(w0)**2 -
  sum(w0**2))``, ``w0 = 1 / vi`` (Higgins JPT, Thompson SG. Stat Med 2002;21:1539-1558;
  metafor's definition, so I2 depends on the tau2 estimator). For the fixed-effect model
  ``I2 = 100 * max(0, (Q - (k - 1)) / Q)`` and ``H2 = Q / (k - 1)``.
* Prediction interval (Higgins JPT, Thompson SG, Spiegelhalter DJ. J R Stat Soc A
  2009;172:137-159; metafor ``predict()``): ``mu +/- crit * sqrt(tau2 + se**2)`` with the
  normal quantile, or for HKSJ the t quantile with ``k - 1`` df and the HKSJ ``se``.

Degenerate inputs: see :func:`meta_analysis`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy import special

from msrelief.stats.bounds import check_effect, check_variance_spread
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.tau2 import Array, estimate_tau2, q_statistic

__all__ = ["METHODS", "LeaveOneOut", "MetaResult", "Method", "leave_one_out", "meta_analysis"]

Method = Literal["FE", "DL", "REML", "PM"]
#: Study-level numbers: a sequence of floats or a 1-d NumPy array.
Numbers = Sequence[float] | npt.NDArray[np.float64]
METHODS: tuple[Method, ...] = ("FE", "DL", "REML", "PM")


def _json_number(value: float | None) -> float | None:
    """A float for JSON, or None when it is missing or not finite (never NaN)."""
    if value is None or not math.isfinite(value):
        return None
    return float(value)


@dataclass(frozen=True)
class MetaResult:
    """Result of one meta-analysis. Ratio measures stay on the log scale here.

    ``i2`` and ``weights`` are percentages (0-100), as metafor prints them. Fields that do
    not exist for the model are ``None``: ``i2``, ``h2`` and ``q_p`` when ``k == 1``;
    ``pi_low``/``pi_high`` for the fixed-effect model and when ``k == 1``; ``df`` unless
    ``hksj``; ``statistic``/``p_value`` when the standard error is 0.
    """

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    tau2: float
    i2: float | None
    h2: float | None
    q: float
    q_p: float | None
    pi_low: float | None
    pi_high: float | None
    k: int
    method: Method
    hksj: bool
    yi: tuple[float, ...]
    vi: tuple[float, ...]
    weights: tuple[float, ...]
    labels: tuple[str, ...]
    level: float = 0.95
    statistic: float | None = None
    p_value: float | None = None
    df: int | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready dict. Every number is a finite float or ``None`` (never NaN or inf);
        ``studies`` lists ``{study, yi, vi, weight}`` in input order."""
        scalars = {
            name: _json_number(getattr(self, name))
            for name in (
                "estimate", "se", "ci_low", "ci_high", "tau2", "i2", "h2", "q", "q_p",
                "pi_low", "pi_high", "statistic", "p_value", "level",
            )
        }  # fmt: skip
        studies = [
            {
                "study": label,
                "yi": _json_number(y),
                "vi": _json_number(v),
                "weight": _json_number(w),
            }
            for label, y, v, w in zip(self.labels, self.yi, self.vi, self.weights, strict=True)
        ]
        return {
            **scalars,
            "k": self.k,
            "method": self.method,
            "hksj": self.hksj,
            "df": self.df,
            "studies": studies,
        }


@dataclass(frozen=True)
class LeaveOneOut:
    """The meta-analysis refitted without the study ``omitted``."""

    omitted: str
    result: MetaResult

    def to_dict(self) -> dict[str, object]:
        return {"omitted": self.omitted, **self.result.to_dict()}


def _labels(labels: Sequence[str] | None, k: int) -> tuple[str, ...]:
    if labels is None:
        return tuple(f"Study {i}" for i in range(1, k + 1))
    if len(labels) != k:
        raise MetaAnalysisError(f"{len(labels)} study labels were given for {k} studies")
    return tuple(str(label) for label in labels)


def _validated(yi: Numbers, vi: Numbers, labels: tuple[str, ...]) -> tuple[Array, Array]:
    """Arrays of yi and vi; a non-finite yi or a vi that is not positive and finite is an
    error naming the study."""
    y = np.empty(len(yi), dtype=np.float64)
    v = np.empty(len(vi), dtype=np.float64)
    for i, (label, y_raw, v_raw) in enumerate(zip(labels, yi, vi, strict=True)):
        where = f"study {label!r} (number {i + 1})"
        try:
            y[i], v[i] = float(y_raw), float(v_raw)
        except (TypeError, ValueError):
            raise MetaAnalysisError(f"{where}: yi and vi must be numbers") from None
        if not math.isfinite(y[i]):
            raise MetaAnalysisError(f"{where}: effect size yi must be finite, got {y_raw!r}")
        if not (math.isfinite(v[i]) and v[i] > 0):
            raise MetaAnalysisError(
                f"{where}: sampling variance vi must be a positive finite number, got {v_raw!r}"
            )
        try:
            check_effect(float(y[i]), float(v[i]))
        except MetaAnalysisError as error:
            raise MetaAnalysisError(f"{where}: {error}") from None
    check_variance_spread([float(x) for x in v])
    return y, v


@dataclass(frozen=True)
class _Inference:
    se: float
    crit: float
    df: int | None
    statistic: float | None
    p_value: float | None


def _inference(y: Array, w: Array, mu: float, hksj: bool, level: float) -> _Inference:
    """Standard error, critical value and test of the pooled estimate.

    Uses the SciPy special functions behind ``scipy.stats.norm``/``t`` directly (``ndtri``,
    ``ndtr``, ``stdtrit``, ``stdtr``): the same numbers without the per-call cost of the
    distribution objects, which matters for leave-one-out on many studies.
    """
    k, sw = len(y), float(np.sum(w))
    tail = 0.5 + level / 2
    df: int | None = None
    if hksj:
        df = k - 1
        se = math.sqrt(float(np.sum(w * (y - mu) ** 2)) / ((k - 1) * sw))
        crit = float(special.stdtrit(df, tail))
    else:
        se = math.sqrt(1.0 / sw)
        crit = float(special.ndtri(tail))
    if se == 0:
        return _Inference(se=se, crit=crit, df=df, statistic=None, p_value=None)
    statistic = mu / se
    lower_tail = special.ndtr(-abs(statistic)) if df is None else special.stdtr(df, -abs(statistic))
    return _Inference(se=se, crit=crit, df=df, statistic=statistic, p_value=2 * float(lower_tail))


def _heterogeneity(v: Array, tau2: float, q: float, method: Method) -> tuple[float, float]:
    """(I2 in percent, H2) as metafor defines them; needs k >= 2."""
    df = len(v) - 1
    if method == "FE":
        i2 = 0.0 if q <= 0 else 100.0 * max(0.0, (q - df) / q)
        return i2, q / df
    w0 = 1.0 / v
    s2 = df * float(np.sum(w0)) / (float(np.sum(w0)) ** 2 - float(np.sum(w0**2)))
    return 100.0 * tau2 / (tau2 + s2), (tau2 + s2) / s2


def _single_study(
    y: Array, v: Array, labels: tuple[str, ...], method: Method, level: float
) -> MetaResult:
    """k = 1: the pooled result is the study itself (no heterogeneity, no PI)."""
    est, se = float(y[0]), math.sqrt(float(v[0]))
    inf = _inference(y, 1.0 / v, est, hksj=False, level=level)
    return MetaResult(
        estimate=est, se=se, ci_low=est - inf.crit * se, ci_high=est + inf.crit * se,
        tau2=0.0, i2=None, h2=None, q=0.0, q_p=None, pi_low=None, pi_high=None, k=1,
        method=method, hksj=False, yi=(est,), vi=(float(v[0]),), weights=(100.0,),
        labels=labels, level=level, statistic=inf.statistic, p_value=inf.p_value,
    )  # fmt: skip


def _check_options(method: str, hksj: bool, k: int, level: float) -> None:
    if method not in METHODS:
        raise MetaAnalysisError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    if not 0 < level < 1:
        raise MetaAnalysisError(f"level must be between 0 and 1, got {level!r}")
    if k == 0:
        raise MetaAnalysisError("a meta-analysis needs at least one study")
    if hksj and method == "FE":
        raise MetaAnalysisError(
            "the Hartung-Knapp (HKSJ) adjustment is for random-effects models; "
            "choose DL, REML or PM, or turn HKSJ off"
        )
    if hksj and k < 2:
        raise MetaAnalysisError("the Hartung-Knapp (HKSJ) adjustment needs at least 2 studies")


def meta_analysis(
    yi: Numbers,
    vi: Numbers,
    *,
    method: Method = "REML",
    hksj: bool = False,
    labels: Sequence[str] | None = None,
    level: float = 0.95,
) -> MetaResult:
    """Pool study effects ``yi`` with sampling variances ``vi``.

    ``method``: ``"FE"`` (inverse-variance fixed/common effect), or a random-effects model
    with tau2 by ``"DL"``, ``"REML"`` (metafor's default) or ``"PM"``. ``hksj=True`` applies
    the Hartung-Knapp-Sidik-Jonkman adjustment (metafor ``test="knha"``).

    Degenerate inputs:

    * no studies, ``len(yi) != len(vi)``, a non-finite ``yi`` or a ``vi`` that is not a
      positive finite number: :class:`MetaAnalysisError` naming the study;
    * one study: the study itself (normal CI from its own variance), ``tau2 = 0``,
      ``q = 0``, ``i2``/``h2``/``q_p``/``pi_*`` are ``None``; ``hksj=True`` with one study is
      an error (a t distribution with 0 df does not exist);
    * ``hksj=True`` with ``method="FE"``: an error (metafor only warns; here it is refused
      because the adjustment is meant for random-effects models);
    * no or negative excess heterogeneity: ``tau2 = 0`` (never negative), ``I2 = 0``;
      identical studies give ``q = 0``, ``tau2 = 0``, ``I2 = 0``;
    * numbers outside the ranges of :mod:`msrelief.stats.bounds` (an effect above 1e9 in size,
      a variance outside 1e-12 to 1e18, variances more than 1e10 times apart): an error naming
      the study. Any computation that still overflows is an error too, never a crash or NaN.
    """
    if len(yi) != len(vi):
        raise MetaAnalysisError(f"{len(yi)} effect sizes but {len(vi)} variances were given")
    k = len(yi)
    _check_options(method, hksj, k, level)
    names = _labels(labels, k)
    y, v = _validated(yi, vi, names)
    if k == 1:
        return _single_study(y, v, names, method, level)
    try:
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            result = _pooled(y, v, names, method, hksj, level)
    except ArithmeticError as error:  # FloatingPointError, OverflowError, ZeroDivisionError
        raise MetaAnalysisError(f"these studies cannot be pooled reliably ({error})") from None
    for name in ("estimate", "se", "ci_low", "ci_high", "tau2"):
        if not math.isfinite(getattr(result, name)):
            raise MetaAnalysisError(f"these studies cannot be pooled reliably ({name} overflows)")
    return result


def _pooled(
    y: Array, v: Array, names: tuple[str, ...], method: Method, hksj: bool, level: float
) -> MetaResult:
    """The pooled result of two or more validated studies."""
    k = len(y)
    tau2 = 0.0 if method == "FE" else estimate_tau2(method, y, v)
    w = 1.0 / (v + tau2)
    mu = float(np.sum(w * y) / np.sum(w))
    inf = _inference(y, w, mu, hksj, level)
    q = q_statistic(y, v)
    i2, h2 = _heterogeneity(v, tau2, q, method)
    pi_half = None if method == "FE" else inf.crit * math.sqrt(tau2 + inf.se**2)
    return MetaResult(
        estimate=mu, se=inf.se, ci_low=mu - inf.crit * inf.se, ci_high=mu + inf.crit * inf.se,
        tau2=tau2, i2=i2, h2=h2, q=q, q_p=float(special.chdtrc(k - 1, q)),
        pi_low=None if pi_half is None else mu - pi_half,
        pi_high=None if pi_half is None else mu + pi_half,
        k=k, method=method, hksj=hksj, yi=tuple(float(x) for x in y),
        vi=tuple(float(x) for x in v), weights=tuple(float(x) for x in 100.0 * w / np.sum(w)),
        labels=names, level=level, statistic=inf.statistic, p_value=inf.p_value, df=inf.df,
    )  # fmt: skip


def leave_one_out(
    yi: Numbers,
    vi: Numbers,
    *,
    method: Method = "REML",
    hksj: bool = False,
    labels: Sequence[str] | None = None,
    level: float = 0.95,
) -> tuple[LeaveOneOut, ...]:
    """Refit the meta-analysis once per study, leaving that study out (metafor
    ``leave1out()``). Needs at least 2 studies (3 with ``hksj``), so that every refit has
    a model to fit."""
    k = len(yi)
    minimum = 3 if hksj else 2
    if k < minimum:
        raise MetaAnalysisError(f"leave-one-out needs at least {minimum} studies, got {k}")
    full = meta_analysis(yi, vi, method=method, hksj=hksj, labels=labels, level=level)
    rows = []
    for i in range(k):
        keep = [j for j in range(k) if j != i]
        result = meta_analysis(
            [full.yi[j] for j in keep],
            [full.vi[j] for j in keep],
            method=method,
            hksj=hksj,
            labels=[full.labels[j] for j in keep],
            level=level,
        )
        rows.append(LeaveOneOut(omitted=full.labels[i], result=result))
    return tuple(rows)
