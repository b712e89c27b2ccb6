"""meta_analysis() on degenerate and bad input: clear errors, never NaN."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import METHODS, Method, meta_analysis
from msrelief.stats.tests import reference_data as ref


def assert_json_safe(payload: dict[str, object]) -> None:
    """Serialises with NaN/inf forbidden."""
    json.dumps(payload, allow_nan=False)


@pytest.mark.parametrize("method", METHODS)
def test_one_study_returns_the_study_itself_without_heterogeneity(method: Method) -> None:
    result = meta_analysis([0.5], [0.04], method=method, labels=["Only trial"])
    assert result.estimate == 0.5
    assert result.se == pytest.approx(0.2)
    assert result.ci_low == pytest.approx(0.5 - 1.959964 * 0.2, rel=1e-6)
    assert (result.tau2, result.q, result.k) == (0.0, 0.0, 1)
    assert (result.i2, result.h2, result.q_p, result.pi_low, result.pi_high) == (None,) * 5
    assert result.weights == (100.0,)
    assert_json_safe(result.to_dict())


def test_one_study_with_hksj_is_refused_with_a_clear_error() -> None:
    with pytest.raises(MetaAnalysisError, match=r"HKSJ.*at least 2 studies"):
        meta_analysis([0.5], [0.04], method="REML", hksj=True)


def test_hksj_with_a_fixed_effect_model_is_refused() -> None:
    with pytest.raises(MetaAnalysisError, match="random-effects models"):
        meta_analysis([0.1, 0.2], [0.01, 0.02], method="FE", hksj=True)


@pytest.mark.parametrize("method", METHODS)
def test_identical_studies_have_no_heterogeneity(method: Method) -> None:
    result = meta_analysis([0.3, 0.3, 0.3], [0.01, 0.02, 0.04], method=method)
    assert result.estimate == pytest.approx(0.3)
    assert result.tau2 == 0.0
    assert result.q == 0.0
    assert result.i2 == 0.0
    assert result.q_p == pytest.approx(1.0)
    assert_json_safe(result.to_dict())


@pytest.mark.parametrize("method", ["DL", "REML", "PM"])
def test_identical_studies_with_hksj_have_zero_se_and_no_test_statistic(method: Method) -> None:
    result = meta_analysis([0.3, 0.3, 0.3], [0.01, 0.02, 0.04], method=method, hksj=True)
    assert result.se == 0.0
    assert (result.ci_low, result.ci_high) == pytest.approx((0.3, 0.3))
    assert result.statistic is None and result.p_value is None
    assert_json_safe(result.to_dict())


def test_dersimonian_laird_tau2_is_clamped_at_zero_where_statsmodels_goes_negative() -> None:
    yi = [row[4] for row in ref.FINE1993]
    vi = [row[5] for row in ref.FINE1993]
    assert combine_effects(np.array(yi), np.array(vi), method_re="dl").tau2 < 0  # why we clamp
    result = meta_analysis(yi, vi, method="DL")
    assert result.tau2 == 0.0
    assert result.i2 == 0.0
    assert result.h2 == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("vi", "message"),
    [
        ([0.01, 0.0, 0.02], "study 'B' \\(number 2\\): sampling variance vi must be a positive"),
        ([0.01, -1.0, 0.02], "study 'B'"),
        ([0.01, float("nan"), 0.02], "study 'B'"),
        ([0.01, float("inf"), 0.02], "study 'B'"),
    ],
)
def test_bad_sampling_variance_is_an_error_naming_the_study(vi: list[float], message: str) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        meta_analysis([0.1, 0.2, 0.3], vi, labels=["A", "B", "C"])


def test_non_finite_effect_is_an_error_naming_the_study() -> None:
    with pytest.raises(MetaAnalysisError, match="study 'Study 3' \\(number 3\\): effect size"):
        meta_analysis([0.1, 0.2, float("nan")], [0.01, 0.01, 0.01])


def test_meta_analysis_error_can_be_caught_as_a_value_error() -> None:
    with pytest.raises(ValueError):
        meta_analysis([0.1, 0.2], [0.01, -0.01])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"yi": [], "vi": []}, "at least one study"),
        ({"yi": [0.1, 0.2], "vi": [0.1]}, "2 effect sizes but 1 variances"),
        ({"yi": [0.1], "vi": [0.1], "method": "ML"}, "method must be one of FE, DL, REML, PM"),
        ({"yi": [0.1], "vi": [0.1], "labels": ["a", "b"]}, "2 study labels were given for 1"),
        ({"yi": [0.1], "vi": [0.1], "level": 95}, "level must be between 0 and 1"),
    ],
)
def test_malformed_calls_raise_meta_analysis_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        meta_analysis(**kwargs)  # type: ignore[arg-type]


def test_to_dict_lists_studies_with_percent_weights_that_sum_to_100() -> None:
    result = meta_analysis([0.1, 0.5, 0.9], [0.02, 0.03, 0.05], method="DL", labels="ABC")
    payload = result.to_dict()
    studies = payload["studies"]
    assert isinstance(studies, list)
    assert [s["study"] for s in studies] == ["A", "B", "C"]
    assert math.fsum(s["weight"] for s in studies) == pytest.approx(100.0)
    assert_json_safe(payload)


def test_level_changes_the_interval_width() -> None:
    narrow = meta_analysis([0.1, 0.5, 0.9], [0.02, 0.03, 0.05], level=0.90)
    wide = meta_analysis([0.1, 0.5, 0.9], [0.02, 0.03, 0.05], level=0.99)
    assert wide.ci_high - wide.ci_low > narrow.ci_high - narrow.ci_low


@pytest.mark.parametrize(
    ("yi", "vi", "message"),
    [
        ([-1e308, 1e308], [1.0, 1.0], r"study 'Study 1' \(number 1\): the effect size -1e\+308"),
        ([30.0, -30.0], [1e300, 10.0], r"study 'Study 1' \(number 1\): the sampling variance"),
        ([1.0, 2.0], [1e-11, 1.0], "more than 1e10 times the smallest"),
    ],
    ids=["effect-too-large", "variance-too-large", "variances-too-far-apart"],
)
@pytest.mark.parametrize("method", METHODS)
def test_numbers_outside_the_poolable_range_are_refused_not_crashed_on(
    yi: list[float], vi: list[float], message: str, method: Method
) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        meta_analysis(yi, vi, method=method)


@pytest.mark.parametrize("method", METHODS)
def test_the_widest_poolable_numbers_still_give_a_finite_result(method: Method) -> None:
    result = meta_analysis([-1e9, 1e9, 0.0], [1e-2, 1e8, 1e2], method=method)
    assert_json_safe(result.to_dict())
    assert all(math.isfinite(x) for x in (result.estimate, result.se, result.tau2))
