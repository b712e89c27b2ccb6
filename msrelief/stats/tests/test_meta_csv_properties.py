"""Property-based checks of run_meta_csv() on arbitrary input: a result or a clear error.

Whatever text or numbers arrive, the outcome is a JSON-safe result or a MetaAnalysisError; any
other exception (an OverflowError, ZeroDivisionError, csv.Error, RecursionError) fails the test.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import METHODS
from msrelief.stats.meta_csv import COLUMNS, MEASURES, run_meta_csv

_quick = settings(max_examples=80, deadline=None)

# Numbers as a spreadsheet might hold them, from ordinary to absurd.
_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.sampled_from(["0", "-0", "1e308", "-1e308", "1e-320", "nan", "inf", "", " ", "1,5"]),
    st.floats(min_value=-50, max_value=50).map(lambda x: f"{x:.3f}"),
)


@st.composite
def _csv_tables(draw: st.DrawFn) -> tuple[str, str]:
    measure = draw(st.sampled_from(MEASURES))
    columns = COLUMNS[measure]
    k = draw(st.integers(min_value=1, max_value=6))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = [",".join(columns)]
    for i in range(k):
        rows.append(",".join([f"S{i}", *(draw(_numbers) for _ in columns[1:])]))
    return measure, ending.join(rows)


def _result_or_clear_error(text: str, measure: str, method: str, hksj: bool) -> None:
    try:
        out = run_meta_csv(text, measure, method, hksj, max_studies=200)  # type: ignore[arg-type]
    except MetaAnalysisError as error:
        assert str(error) and "\n" not in str(error)
        return
    json.dumps(out, allow_nan=False)


@_quick
@given(st.text(max_size=400), st.sampled_from(MEASURES), st.sampled_from(METHODS), st.booleans())
def test_arbitrary_text_gives_a_result_or_a_clear_error(
    text: str, measure: str, method: str, hksj: bool
) -> None:
    _result_or_clear_error(text, measure, method, hksj)


@_quick
@given(_csv_tables(), st.sampled_from(METHODS), st.booleans())
def test_arbitrary_numbers_in_a_well_formed_table_give_a_result_or_a_clear_error(
    table: tuple[str, str], method: str, hksj: bool
) -> None:
    measure, text = table
    _result_or_clear_error(text, measure, method, hksj)


_effects = st.floats(min_value=-1e9, max_value=1e9)
_variances = st.floats(min_value=1e-3, max_value=1e7)


@_quick
@given(
    st.lists(st.tuples(_effects, _variances), min_size=2, max_size=8),
    st.sampled_from(METHODS),
    st.booleans(),
)
def test_effects_within_the_documented_bounds_always_pool_to_finite_numbers(
    studies: list[tuple[float, float]], method: str, hksj: bool
) -> None:
    text = "study,yi,vi\n" + "\n".join(f"S{i},{y!r},{v!r}" for i, (y, v) in enumerate(studies))
    hksj = hksj and method != "FE"
    out = run_meta_csv(text, "GEN", method, hksj)  # type: ignore[arg-type]
    json.dumps(out, allow_nan=False)
    assert all(out[key] is not None for key in ("estimate", "se", "ci_low", "ci_high", "tau2"))
