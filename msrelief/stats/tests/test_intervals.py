"""Confidence intervals of one reported figure: a group's mean change and a reported Hedges' g."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as scipy_stats

from msrelief.stats import MetaAnalysisError, hedges_g
from msrelief.stats.intervals import mean_change_interval, standardised_difference_interval

# Two-sided 95 % Student t quantiles as printed in t tables (df: t).
T_TABLE = [(1, 12.706), (4, 2.776), (9, 2.262), (19, 2.093), (29, 2.045), (59, 2.001)]


@pytest.mark.parametrize(("df", "t"), T_TABLE)
def test_a_mean_change_interval_uses_the_t_quantile_of_a_t_table(df, t):
    n = df + 1
    interval = mean_change_interval(-2.0, 3.0, n)
    half = t * 3.0 / math.sqrt(n)
    assert interval.low == pytest.approx(-2.0 - half, abs=1e-3 * 3.0 / math.sqrt(n))
    assert interval.high == pytest.approx(-2.0 + half, abs=1e-3 * 3.0 / math.sqrt(n))
    assert interval.estimate == -2.0 and interval.level == 0.95


def test_a_mean_change_interval_equals_the_one_sample_t_interval_of_the_change_scores():
    changes = np.array([-3.0, -1.0, 0.0, -2.0, -4.0, 1.0, -2.5, -0.5, -1.5, -3.5, -2.0, 0.5])
    expected = scipy_stats.ttest_1samp(changes, 0.0).confidence_interval(0.95)
    interval = mean_change_interval(changes.mean(), changes.std(ddof=1), len(changes))
    assert (interval.low, interval.high) == pytest.approx((expected.low, expected.high), rel=1e-12)


def test_a_wider_level_gives_a_wider_mean_change_interval():
    narrow = mean_change_interval(1.0, 2.0, 30, level=0.90)
    wide = mean_change_interval(1.0, 2.0, 30, level=0.99)
    assert wide.low < narrow.low < 1.0 < narrow.high < wide.high


def test_a_hedges_g_interval_uses_the_variance_hedges_g_computes_from_the_same_groups():
    effect = hedges_g(22.0, 6.0, 18, 25.0, 7.0, 21)
    interval = standardised_difference_interval(effect.yi, 18, 21)
    half = 1.959964 * math.sqrt(effect.vi)
    assert (interval.low, interval.high) == pytest.approx((effect.yi - half, effect.yi + half))


def test_a_hedges_g_interval_of_a_worked_example():
    # g = 0.5 with 20 people a group: vi = 0.1 + 0.25 / 80 = 0.103125, SE 0.32113.
    interval = standardised_difference_interval(0.5, 20, 20)
    assert interval.low == pytest.approx(-0.12941, abs=1e-5)
    assert interval.high == pytest.approx(1.12941, abs=1e-5)


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: mean_change_interval(1.0, 0.0, 10), "sd_change"),
        (lambda: mean_change_interval(1.0, -1.0, 10), "sd_change"),
        (lambda: mean_change_interval(1.0, 1.0, 1), "n"),
        (lambda: mean_change_interval(1.0, 1.0, 10.5), "n"),
        (lambda: mean_change_interval(math.nan, 1.0, 10), "mean_change"),
        (lambda: mean_change_interval(1.0, 1.0, 10, level=1.0), "level"),
        (lambda: standardised_difference_interval(0.5, 1, 20), "n1"),
        (lambda: standardised_difference_interval(0.5, 20, 0), "n2"),
        (lambda: standardised_difference_interval(math.inf, 20, 20), "g"),
    ],
)
def test_a_value_the_interval_cannot_use_is_refused_by_name(call, named):
    with pytest.raises(MetaAnalysisError, match=named):
        call()
