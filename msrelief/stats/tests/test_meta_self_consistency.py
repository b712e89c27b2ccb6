"""Self-consistency checks: each number computed a second, independent way.

These are not metafor matches. They cover what no published printout was found for
(e.g. prediction intervals with HKSJ, REML on more data sets) by recomputing with
statsmodels or with a different SciPy algorithm.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import optimize, stats
from statsmodels.stats.meta_analysis import combine_effects

from msrelief.stats.effect_sizes import EffectSize, log_odds_ratio, log_risk_ratio
from msrelief.stats.meta import meta_analysis
from msrelief.stats.tests import reference_data as ref


def _datasets() -> dict[str, list[EffectSize]]:
    return {
        "bcg-RR": [log_risk_ratio(*t[1:]) for t in ref.BCG],
        "bcg-OR": [log_odds_ratio(*t[1:]) for t in ref.BCG],
        "raudenbush": [EffectSize(y, v) for _, y, v in ref.RAUDENBUSH1985],
        "kacker": [EffectSize(y, v) for y, v in zip(ref.KACKER_YI, ref.KACKER_VI, strict=True)],
        "fine1993-OR": [EffectSize(r[4], r[5]) for r in ref.FINE1993],
    }


DATASETS = _datasets()
# fine1993-OR has Q < k - 1 (no excess heterogeneity), so tau2 is 0 there.
HETEROGENEOUS = sorted(name for name in DATASETS if name != "fine1993-OR")


def _arrays(name: str) -> tuple[np.ndarray, np.ndarray]:
    effects = DATASETS[name]
    return np.array([e.yi for e in effects]), np.array([e.vi for e in effects])


def _restricted_loglik(tau2: float, y: np.ndarray, v: np.ndarray) -> float:
    w = 1 / (v + tau2)
    mu = np.sum(w * y) / np.sum(w)
    return float(-0.5 * (np.sum(np.log(v + tau2)) + np.log(np.sum(w)) + np.sum(w * (y - mu) ** 2)))


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_reml_tau2_maximises_the_restricted_likelihood_found_by_bounded_brent(name: str) -> None:
    y, v = _arrays(name)
    ours = meta_analysis(y, v, method="REML").tau2
    upper = 10 * float(np.var(y) + np.mean(v))
    found = optimize.minimize_scalar(
        lambda t: -_restricted_loglik(t, y, v),
        bounds=(0, upper),
        method="bounded",
        options={"xatol": 1e-12},
    )
    assert ours == pytest.approx(found.x, rel=1e-5, abs=1e-9)
    assert _restricted_loglik(ours, y, v) >= _restricted_loglik(found.x, y, v) - 1e-9


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_paule_mandel_tau2_solves_its_estimating_equation(name: str) -> None:
    y, v = _arrays(name)
    tau2 = meta_analysis(y, v, method="PM").tau2
    w = 1 / (v + tau2)
    mu = np.sum(w * y) / np.sum(w)
    generalised_q = float(np.sum(w * (y - mu) ** 2))
    if tau2 == 0:
        assert generalised_q <= len(y) - 1
    else:
        assert generalised_q == pytest.approx(len(y) - 1, rel=1e-8)


@pytest.mark.parametrize("name", HETEROGENEOUS)
@pytest.mark.parametrize(("method", "sm_method"), [("DL", "dl"), ("PM", "pm")])
def test_random_effects_pooling_equals_statsmodels_combine_effects(
    name: str, method: str, sm_method: str
) -> None:
    y, v = _arrays(name)
    ours = meta_analysis(y, v, method=method, hksj=True)  # type: ignore[arg-type]
    theirs = combine_effects(y, v, method_re=sm_method, atol=1e-12, maxiter=500)
    assert theirs.tau2 > 0  # so statsmodels' unclamped value is a valid comparison
    assert ours.tau2 == pytest.approx(theirs.tau2, rel=1e-8)
    assert ours.estimate == pytest.approx(theirs.mean_effect_re, rel=1e-10)
    assert ours.se == pytest.approx(math.sqrt(theirs.var_hksj_re), rel=1e-8)
    ci = theirs.conf_int(use_t=True)[3]
    assert (ours.ci_low, ours.ci_high) == pytest.approx(tuple(ci), rel=1e-8)
    assert ours.q == pytest.approx(theirs.q, rel=1e-10)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_dersimonian_laird_equals_the_closed_form_moment_estimator(name: str) -> None:
    y, v = _arrays(name)
    w = 1 / v
    q = np.sum(w * (y - np.sum(w * y) / np.sum(w)) ** 2)
    expected = max(0.0, (q - (len(y) - 1)) / (np.sum(w) - np.sum(w**2) / np.sum(w)))
    assert meta_analysis(y, v, method="DL").tau2 == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_hksj_prediction_interval_uses_t_with_k_minus_1_df_and_hksj_se(name: str) -> None:
    y, v = _arrays(name)
    result = meta_analysis(y, v, method="REML", hksj=True)
    half = stats.t.ppf(0.975, len(y) - 1) * math.sqrt(result.tau2 + result.se**2)
    assert result.pi_low == pytest.approx(result.estimate - half, rel=1e-12)
    assert result.pi_high == pytest.approx(result.estimate + half, rel=1e-12)


@pytest.mark.parametrize("name", sorted(DATASETS))
@pytest.mark.parametrize("method", ["DL", "REML", "PM"])
def test_prediction_interval_is_normal_based_with_tau2_plus_se_squared(
    name: str, method: str
) -> None:
    y, v = _arrays(name)
    result = meta_analysis(y, v, method=method)  # type: ignore[arg-type]
    half = stats.norm.ppf(0.975) * math.sqrt(result.tau2 + result.se**2)
    assert result.pi_low == pytest.approx(result.estimate - half, rel=1e-12)
    assert result.pi_high == pytest.approx(result.estimate + half, rel=1e-12)
