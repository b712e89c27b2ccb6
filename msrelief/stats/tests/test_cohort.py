"""Cohort summaries against known answers and against SciPy, computed separately here."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sps
from scipy.special import gamma

from msrelief.stats.cohort import (
    CohortInputError,
    Interval,
    mean_interval,
    practice_change,
    responders_by_mcid,
    responders_by_rci,
    summarise_change,
    wilson_interval,
)

# Five clients whose scores fall by 1, 2, 3, 4 and 5 points: mean change -3, SD sqrt(2.5).
BASELINE = np.array([10.0, 12.0, 14.0, 16.0, 18.0])
FALLS = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
END = BASELINE - FALLS


def scipy_t_interval(values: np.ndarray) -> tuple[float, float]:
    """The paired t interval as SciPy gives it, from the change scores."""
    n = len(values)
    low, high = sps.t.interval(0.95, n - 1, loc=values.mean(), scale=sps.sem(values))
    return float(low), float(high)


def scipy_wilson(count: int, n: int) -> tuple[float, float]:
    ci = sps.binomtest(count, n).proportion_ci(confidence_level=0.95, method="wilson")
    return float(ci.low), float(ci.high)


def test_a_known_cohort_gives_its_hand_computed_means_sd_and_t_interval() -> None:
    summary = summarise_change(BASELINE, END)
    assert summary.n == 5
    assert summary.baseline_mean == pytest.approx(14.0)
    assert summary.end_mean == pytest.approx(11.0)
    assert summary.mean_change == pytest.approx(-3.0)
    assert summary.sd_change == pytest.approx(math.sqrt(2.5))
    # t(0.975, 4) = 2.776445; half-width 2.776445 * sqrt(2.5) / sqrt(5) = 1.963243
    assert summary.ci is not None
    assert summary.ci.low == pytest.approx(-4.963243, abs=1e-6)
    assert summary.ci.high == pytest.approx(-1.036757, abs=1e-6)


def test_the_standardised_response_mean_and_the_effect_size_are_named_ratios() -> None:
    summary = summarise_change(BASELINE, END)
    assert summary.srm == pytest.approx(-3.0 / math.sqrt(2.5))
    assert summary.effect_size == pytest.approx(-3.0 / math.sqrt(10.0))


@pytest.mark.parametrize("seed", range(8))
def test_the_mean_change_interval_equals_scipys_t_interval_on_random_cohorts(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 400))
    baseline = rng.normal(15, 5, n)
    end = baseline + rng.normal(-2, 4, n)
    summary = summarise_change(baseline, end)
    assert summary.ci is not None
    low, high = scipy_t_interval(end - baseline)
    assert summary.ci.low == pytest.approx(low, rel=1e-10, abs=1e-12)
    assert summary.ci.high == pytest.approx(high, rel=1e-10, abs=1e-12)
    assert summary.sd_change == pytest.approx(float(np.std(end - baseline, ddof=1)))


@pytest.mark.parametrize(
    ("count", "n", "low", "high"),
    [
        # Newcombe 1998, Table I, method 3 (Wilson score interval without continuity correction)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_the_wilson_interval_matches_newcombes_published_examples(
    count: int, n: int, low: float, high: float
) -> None:
    ci = wilson_interval(count, n)
    assert ci is not None
    assert round(ci.low, 4) == low
    assert round(ci.high, 4) == high


@pytest.mark.parametrize(("count", "n"), [(0, 1), (1, 1), (3, 7), (50, 50), (0, 500), (17, 40)])
def test_the_wilson_interval_equals_scipys_binomtest_wilson_interval(count: int, n: int) -> None:
    ci = wilson_interval(count, n)
    assert ci is not None
    low, high = scipy_wilson(count, n)
    assert ci.low == pytest.approx(low, abs=1e-12)
    assert ci.high == pytest.approx(high, abs=1e-12)


def test_an_empty_cohort_has_n_0_and_every_number_empty() -> None:
    summary = summarise_change([], [])
    assert summary.n == 0
    assert summary.baseline_mean is None
    assert summary.mean_change is None
    assert summary.ci is None
    assert summary.srm is None
    rci = responders_by_rci([], [], "lower_is_better", se_diff=2.0)
    assert (rci.count, rci.n, rci.proportion, rci.ci) == (0, 0, None, None)


def test_one_pair_gives_its_change_but_no_sd_no_interval_and_no_standardised_change() -> None:
    summary = summarise_change([12.0], [9.0])
    assert summary.n == 1
    assert summary.mean_change == -3.0
    assert summary.sd_change is None
    assert summary.ci is None
    assert summary.srm is None
    assert summary.effect_size is None
    assert mean_interval([4.0]) is None


def test_two_pairs_give_the_t_interval_with_one_degree_of_freedom() -> None:
    summary = summarise_change([10.0, 10.0], [8.0, 6.0])
    assert summary.ci is not None
    low, high = scipy_t_interval(np.array([-2.0, -4.0]))
    assert (summary.ci.low, summary.ci.high) == (pytest.approx(low), pytest.approx(high))
    assert summary.effect_size is None  # both baselines are 10: the baseline SD is 0


def test_equal_changes_give_an_interval_of_width_0_and_no_srm() -> None:
    summary = summarise_change([10.0, 11.0, 12.0], [8.0, 9.0, 10.0])
    assert summary.ci == Interval(-2.0, -2.0)
    assert summary.sd_change == 0.0
    assert summary.srm is None


def test_a_responder_is_a_fall_when_lower_is_better_and_a_rise_when_higher_is_better() -> None:
    falls = responders_by_mcid(BASELINE, END, "lower_is_better", threshold=3.0)
    assert (falls.count, falls.n) == (3, 5)  # falls of 3, 4 and 5 reach 3
    rises = responders_by_mcid(BASELINE, END, "higher_is_better", threshold=3.0)
    assert (rises.count, rises.n) == (0, 5)
    assert rises.proportion == 0.0


def test_the_responder_proportion_carries_the_wilson_interval_of_its_counts() -> None:
    result = responders_by_mcid(BASELINE, END, "lower_is_better", threshold=3.0)
    assert result.proportion == pytest.approx(0.6)
    assert result.ci is not None
    low, high = scipy_wilson(3, 5)
    assert (result.ci.low, result.ci.high) == (pytest.approx(low), pytest.approx(high))


def test_all_responders_give_a_proportion_of_1_and_an_interval_ending_at_1() -> None:
    result = responders_by_mcid(BASELINE, END, "lower_is_better", threshold=1.0)
    assert (result.count, result.n, result.proportion) == (5, 5, 1.0)
    assert result.ci is not None
    assert result.ci.high == 1.0
    assert result.ci.low == pytest.approx(scipy_wilson(5, 5)[0])


def test_clients_without_an_applicable_mcid_are_left_out_of_n() -> None:
    thresholds = np.array([1.0, np.nan, 3.0, np.nan, 6.0])
    result = responders_by_mcid(BASELINE, END, "lower_is_better", threshold=thresholds)
    # Judged: fall 1 against MCID 1 (yes), fall 3 against 3 (yes), fall 5 against 6 (no).
    assert (result.count, result.n) == (2, 3)


def test_a_percent_mcid_compares_the_percentage_change_and_skips_a_zero_baseline() -> None:
    result = responders_by_mcid(
        [10.0, 10.0, 0.0, 8.0], [7.0, 9.0, 0.0, 6.0], "lower_is_better", 20.0, unit="percent"
    )
    assert (result.count, result.n) == (2, 3)  # -30 % and -25 % reach 20 %; -10 % does not


def test_rci_responders_need_a_reliable_change_in_the_better_direction() -> None:
    # SEdiff 2: an RCI beyond 1.96 needs a fall of more than 3.92 points.
    result = responders_by_rci(BASELINE, END, "lower_is_better", se_diff=2.0)
    assert (result.count, result.n) == (2, 5)
    worse = responders_by_rci(END, BASELINE, "lower_is_better", se_diff=2.0)
    assert worse.count == 0


def test_pairs_of_different_lengths_or_with_nan_are_refused_with_the_reason() -> None:
    with pytest.raises(CohortInputError, match="same length"):
        summarise_change([1.0, 2.0], [1.0])
    with pytest.raises(CohortInputError, match="finite"):
        summarise_change([1.0, math.nan], [1.0, 2.0])
    with pytest.raises(CohortInputError, match="SEdiff"):
        responders_by_rci([1.0], [2.0], "lower_is_better", se_diff=0.0)


def test_the_practice_estimate_gives_the_mean_change_with_variance_sd_squared_over_n() -> None:
    rng = np.random.default_rng(7)
    baseline = rng.normal(40, 8, 60)
    end = baseline + rng.normal(-3, 6, 60)
    change = end - baseline
    estimate = practice_change(baseline, end)
    assert estimate.label == "Practice (observational)"
    assert estimate.mean_change == pytest.approx(change.mean())
    assert estimate.variance == pytest.approx(change.var(ddof=1) / 60)
    assert estimate.ci is not None
    assert (estimate.ci.low, estimate.ci.high) == tuple(
        pytest.approx(x) for x in scipy_t_interval(change)
    )


def test_the_practice_smcr_follows_beckers_formula_with_the_clinics_own_correlation() -> None:
    rng = np.random.default_rng(11)
    baseline = rng.normal(40, 8, 30)
    end = 0.6 * baseline + rng.normal(12, 5, 30)
    estimate = practice_change(baseline, end)
    n = 30
    r = sps.pearsonr(baseline, end).statistic
    m = n - 1
    j = gamma(m / 2) / (math.sqrt(m / 2) * gamma((m - 1) / 2))
    yi = j * (end.mean() - baseline.mean()) / baseline.std(ddof=1)
    vi = 2 * (1 - r) / n + yi**2 / (2 * n)
    z = sps.norm.ppf(0.975)
    assert estimate.correlation == pytest.approx(r, abs=1e-12)
    assert estimate.smcr == pytest.approx(yi)
    assert estimate.smcr_variance == pytest.approx(vi)
    assert estimate.smcr_ci is not None
    assert estimate.smcr_ci.low == pytest.approx(yi - z * math.sqrt(vi))
    assert estimate.smcr_ci.high == pytest.approx(yi + z * math.sqrt(vi))


def test_the_practice_smcr_is_empty_below_3_pairs_or_with_a_perfect_correlation() -> None:
    assert practice_change([10.0, 12.0], [8.0, 11.0]).smcr is None
    shifted = practice_change(BASELINE, BASELINE - 2.0)  # r = 1: no variance formula applies
    assert shifted.smcr is None
    assert shifted.mean_change == pytest.approx(-2.0)
