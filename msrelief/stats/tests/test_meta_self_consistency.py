"""Self-consistency checks: each number computed a second, independent way.

These are not metafor matches (test_meta_reference.py holds those, including Paule-Mandel on
Kacker 2004 and CLASP). They cover what no published printout was found for (e.g. HKSJ
intervals, REML and Paule-Mandel on more data sets).

No check here depends on another program's iteration converging: an iterative tau2 is verified
by its own estimating equation (the equation it must solve, evaluated at msrelief's answer),
and only closed-form results are compared with statsmodels. statsmodels' Paule-Mandel solver,
for one, returns tau2 = 0 on some machines for the Raudenbush data when asked for
``atol=1e-12``; a comparison with it was red there while msrelief's value was right.
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


def _restricted_loglik_slope(tau2: float, y: np.ndarray, v: np.ndarray) -> float:
    """d/d(tau2) of the restricted log-likelihood, by a central difference of it (so not the
    closed-form score that msrelief solves)."""
    h = 1e-6 * max(tau2, float(np.mean(v)))
    low = max(tau2 - h, 0.0)
    return (_restricted_loglik(tau2 + h, y, v) - _restricted_loglik(low, y, v)) / (tau2 + h - low)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_reml_tau2_is_a_stationary_point_of_the_restricted_likelihood(name: str) -> None:
    y, v = _arrays(name)
    ours = meta_analysis(y, v, method="REML").tau2
    slope = _restricted_loglik_slope(ours, y, v)
    scale = float(np.sum(1 / (v + ours)))  # the size of the terms that cancel at the root
    if ours == 0:
        assert slope <= 1e-8 * scale
    else:
        assert abs(slope) <= 1e-8 * scale


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_reml_tau2_beats_every_point_of_a_grid_and_a_bounded_brent_search(name: str) -> None:
    y, v = _arrays(name)
    ours = meta_analysis(y, v, method="REML").tau2
    best = _restricted_loglik(ours, y, v)
    upper = 10 * float(np.var(y) + np.mean(v))
    grid = np.linspace(0, upper, 2001)
    assert best >= max(_restricted_loglik(float(t), y, v) for t in grid) - 1e-12
    # Whether or not the search converges, it cannot find a higher likelihood than ours.
    found = optimize.minimize_scalar(
        lambda t: -_restricted_loglik(t, y, v), bounds=(0, upper), method="bounded"
    )
    assert best >= _restricted_loglik(float(found.x), y, v) - 1e-12


def _generalised_q(tau2: float, y: np.ndarray, v: np.ndarray) -> float:
    w = 1 / (v + tau2)
    mu = np.sum(w * y) / np.sum(w)
    return float(np.sum(w * (y - mu) ** 2))


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_paule_mandel_tau2_solves_its_estimating_equation(name: str) -> None:
    y, v = _arrays(name)
    tau2 = meta_analysis(y, v, method="PM").tau2
    df = len(y) - 1
    if tau2 == 0:
        assert _generalised_q(0.0, y, v) <= df
    else:
        assert _generalised_q(tau2, y, v) == pytest.approx(df, rel=1e-8)
        # Q falls as tau2 grows, so the root is unique: a nudge either way crosses k - 1.
        assert (
            _generalised_q(tau2 * (1 - 1e-6), y, v) > df > _generalised_q(tau2 * (1 + 1e-6), y, v)
        )


@pytest.mark.parametrize("name", HETEROGENEOUS)
def test_paule_mandel_finds_heterogeneity_wherever_q_exceeds_its_degrees_of_freedom(
    name: str,
) -> None:
    y, v = _arrays(name)
    assert _generalised_q(0.0, y, v) > len(y) - 1
    assert meta_analysis(y, v, method="PM").tau2 > 0


@pytest.mark.parametrize("name", HETEROGENEOUS)
@pytest.mark.parametrize("method", ["DL", "REML", "PM"])
def test_hksj_pooling_follows_from_tau2_by_the_textbook_formulas(name: str, method: str) -> None:
    # Given tau2 (checked above), the pooled estimate, the Hartung-Knapp-Sidik-Jonkman
    # standard error and the t interval are closed-form (Cochrane Handbook ch. 10.10.4;
    # IntHout et al. 2014, BMC Med Res Methodol 14:25).
    y, v = _arrays(name)
    ours = meta_analysis(y, v, method=method, hksj=True)  # type: ignore[arg-type]
    k = len(y)
    w = 1 / (v + ours.tau2)
    mu = float(np.sum(w * y) / np.sum(w))
    se = math.sqrt(float(np.sum(w * (y - mu) ** 2)) / ((k - 1) * float(np.sum(w))))
    half = stats.t.ppf(0.975, k - 1) * se
    assert ours.estimate == pytest.approx(mu, rel=1e-12)
    assert ours.se == pytest.approx(se, rel=1e-10)
    assert (ours.ci_low, ours.ci_high) == pytest.approx((mu - half, mu + half), rel=1e-10)
    assert ours.df == k - 1


@pytest.mark.parametrize("name", HETEROGENEOUS)
def test_dersimonian_laird_pooling_equals_statsmodels_combine_effects(name: str) -> None:
    # DL is closed-form in statsmodels too (no iteration, nothing to converge).
    y, v = _arrays(name)
    ours = meta_analysis(y, v, method="DL", hksj=True)
    theirs = combine_effects(y, v, method_re="dl")
    assert theirs.tau2 > 0  # so statsmodels' unclamped value is a valid comparison
    assert ours.tau2 == pytest.approx(theirs.tau2, rel=1e-10)
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
