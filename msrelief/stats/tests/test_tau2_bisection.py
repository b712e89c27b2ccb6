"""The roots of tau2.py's estimating equations are found by bisection (tau2._bisect), not with
SciPy's brentq, to keep scipy.optimize out of `msrelief meta`'s start-up. The root must be
brentq's to the tolerance both are given, for REML's score and for Paule-Mandel's equation."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import optimize

from msrelief.stats import tau2

studies = st.integers(min_value=2, max_value=12).flatmap(
    lambda k: st.tuples(
        st.lists(st.floats(-3, 3), min_size=k, max_size=k),
        st.lists(st.floats(1e-4, 2.0), min_size=k, max_size=k),
    )
)


def brackets(func, scale):
    """[x, 2x] around the root of a function positive at 0, as tau2._root_above_zero makes."""
    upper = scale
    while func(upper) >= 0:
        upper *= 2.0
    lower = upper / 2.0
    while lower > 1e-300 and func(lower) < 0:
        upper, lower = lower, lower / 2.0
    return lower, upper


@settings(max_examples=200, deadline=None)
@given(studies)
def test_the_bisected_root_is_brentqs_to_the_tolerance_asked_for(data):
    yi, vi = (np.array(values, dtype=float) for values in data)
    for func in (tau2._reml_score(yi, vi), tau2._generalised_q_excess(yi, vi)):
        assume(func(0.0) > 0)
        lower, upper = brackets(func, float(np.mean(vi)))
        assume(func(lower) > 0)
        bisected = tau2._bisect(func, lower, upper)
        reference = optimize.brentq(func, lower, upper, xtol=upper * 1e-15, maxiter=500)
        # Near its root each function's sum is only known to its rounding, so its sign flips
        # within a few units in the last place of the sum: both methods stop inside that band,
        # which is far narrower than any reference value is given to (metafor's, to 1e-6).
        assert abs(bisected - reference) <= 1e-12 * upper
        assert lower <= bisected <= upper


def test_a_root_at_the_lower_end_is_that_end():
    assert tau2._bisect(lambda x: 1.0 - x, 1.0, 2.0) == 1.0


def test_the_root_of_a_known_function_is_found_to_the_float():
    root = tau2._bisect(lambda x: 2.0 - x * x, 1.0, 2.0)
    assert abs(root - 2.0**0.5) <= 2 * np.spacing(2.0)
