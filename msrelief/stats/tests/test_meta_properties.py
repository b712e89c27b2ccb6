"""Property-based checks of meta_analysis() with hypothesis."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from msrelief.stats.meta import METHODS, Method, meta_analysis

_effects = st.floats(min_value=-5, max_value=5, allow_nan=False, allow_infinity=False)
_variances = st.floats(min_value=1e-3, max_value=5, allow_nan=False, allow_infinity=False)
_studies = st.integers(min_value=2, max_value=12).flatmap(
    lambda k: st.tuples(
        st.lists(_effects, min_size=k, max_size=k), st.lists(_variances, min_size=k, max_size=k)
    )
)
_methods = st.sampled_from(METHODS)
_slow = settings(max_examples=60, deadline=None)


@_slow
@given(_studies, _methods, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_study_order(
    data: tuple[list[float], list[float]], method: Method, random: object
) -> None:
    yi, vi = data
    order = list(range(len(yi)))
    random.shuffle(order)  # type: ignore[attr-defined]
    first = meta_analysis(yi, vi, method=method)
    second = meta_analysis([yi[i] for i in order], [vi[i] for i in order], method=method)
    assert math.isclose(first.estimate, second.estimate, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(first.se, second.se, rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(first.tau2, second.tau2, rel_tol=1e-7, abs_tol=1e-10)
    assert math.isclose(first.q, second.q, rel_tol=1e-9, abs_tol=1e-9)


@_slow
@given(_studies, _methods)
def test_pooled_estimate_lies_between_the_smallest_and_largest_study(
    data: tuple[list[float], list[float]], method: Method
) -> None:
    yi, vi = data
    result = meta_analysis(yi, vi, method=method)
    assert min(yi) - 1e-9 <= result.estimate <= max(yi) + 1e-9


@_slow
@given(_studies, _methods, st.booleans())
def test_tau2_is_never_negative_and_intervals_contain_the_estimate(
    data: tuple[list[float], list[float]], method: Method, hksj: bool
) -> None:
    yi, vi = data
    hksj = hksj and method != "FE"
    result = meta_analysis(yi, vi, method=method, hksj=hksj)
    assert result.tau2 >= 0
    assert result.ci_low <= result.estimate <= result.ci_high
    assert result.i2 is not None and 0 <= result.i2 <= 100
    if method != "FE":
        assert result.pi_low is not None and result.pi_high is not None
        assert result.pi_low <= result.ci_low and result.ci_high <= result.pi_high


@_slow
@given(_studies, _methods)
def test_weights_are_percentages_that_sum_to_100(
    data: tuple[list[float], list[float]], method: Method
) -> None:
    yi, vi = data
    result = meta_analysis(yi, vi, method=method)
    assert all(w > 0 for w in result.weights)
    assert math.isclose(math.fsum(result.weights), 100.0, rel_tol=1e-12)
