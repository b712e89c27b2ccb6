"""REML must find the highest peak of the restricted likelihood, not just the first slope.

With a few very precise studies beside less precise ones that disagree, the likelihood's slope
can be negative at tau2 = 0 while its highest point lies above 0 (the independent check against
metafor found such 4-study sets, reported as tau2 = 0, I2 = 0 % where metafor gives about 0.12
and 94 %). The data sets below were constructed to have that shape; the checks compare with a
restricted log-likelihood written out again here and maximised by brute force.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msrelief.stats.meta import meta_analysis
from msrelief.stats.tau2 import tau2_pm, tau2_reml

BIMODAL = [
    ([0.1064, 0.0696, -0.7117, -0.3454], [0.0025, 0.00019, 0.04128, 0.06705]),
    ([-0.424, 0.1812, 0.1749, -0.0489], [0.03777, 0.00166, 0.00097, 0.02637]),
    ([0.1311, -0.1558, 0.0992, -0.9607], [0.00025, 0.95484, 0.00993, 0.13896]),
]


def restricted_loglik(yi: np.ndarray, vi: np.ndarray, tau2: float) -> float:
    """-2 * REML log-likelihood / 2, constants dropped (Viechtbauer 2005, eq. 9)."""
    w = 1.0 / (vi + tau2)
    mu = np.sum(w * yi) / np.sum(w)
    return -0.5 * (np.sum(np.log(vi + tau2)) + np.log(np.sum(w)) + np.sum(w * (yi - mu) ** 2))


def slope_at_zero(yi: np.ndarray, vi: np.ndarray) -> float:
    w = 1.0 / vi
    mu = np.sum(w * yi) / np.sum(w)
    return 0.5 * (np.sum(w**2 * (yi - mu) ** 2) - np.sum(w) + np.sum(w**2) / np.sum(w))


def brute_force_maximum(yi: np.ndarray, vi: np.ndarray) -> tuple[float, float]:
    grid = np.concatenate(([0.0], np.geomspace(1e-9, 1e3, 40_000)))
    values = np.array([restricted_loglik(yi, vi, t) for t in grid])
    best = int(np.argmax(values))
    return float(grid[best]), float(values[best])


@pytest.mark.parametrize(("yi", "vi"), BIMODAL)
def test_reml_finds_the_highest_peak_when_the_slope_at_zero_is_negative(yi, vi):
    yi, vi = np.array(yi), np.array(vi)
    assert slope_at_zero(yi, vi) < 0  # the old rule stopped here and reported 0
    where, highest = brute_force_maximum(yi, vi)
    assert where > 0 and highest > restricted_loglik(yi, vi, 0.0)
    tau2 = tau2_reml(yi, vi)
    assert tau2 == pytest.approx(where, rel=2e-3)  # the brute-force grid's spacing
    assert restricted_loglik(yi, vi, tau2) >= highest - 1e-12


def test_a_bimodal_data_set_reports_its_heterogeneity_not_none():
    yi, vi = BIMODAL[0]
    result = meta_analysis(yi, vi, method="REML")
    assert result.tau2 > 0.1
    assert result.i2 is not None and result.i2 > 90


@pytest.mark.parametrize(("yi", "vi"), BIMODAL)
def test_paule_mandel_has_one_root_because_its_q_falls_as_tau2_grows(yi, vi):
    yi, vi = np.array(yi), np.array(vi)
    grid = np.concatenate(([0.0], np.geomspace(1e-9, 1e3, 2000)))

    def generalised_q(tau2: float) -> float:
        w = 1.0 / (vi + tau2)
        mu = np.sum(w * yi) / np.sum(w)
        return float(np.sum(w * (yi - mu) ** 2))

    q = np.array([generalised_q(t) for t in grid])
    assert np.all(np.diff(q) <= 1e-12)
    tau2 = tau2_pm(yi, vi)
    assert generalised_q(tau2) == pytest.approx(len(yi) - 1, rel=1e-9)


effects = st.floats(min_value=-2, max_value=2, allow_nan=False)
variances = st.floats(min_value=1e-4, max_value=1.0, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(effects, variances), min_size=2, max_size=6))
def test_no_tau2_on_a_fine_grid_has_a_higher_restricted_likelihood(studies):
    yi = np.array([y for y, _ in studies])
    vi = np.array([v for _, v in studies])
    tau2 = tau2_reml(yi, vi)
    grid = np.concatenate(([0.0], np.geomspace(1e-8, 1e2, 3000)))
    best = max(restricted_loglik(yi, vi, t) for t in grid)
    assert restricted_loglik(yi, vi, tau2) >= best - 1e-9
