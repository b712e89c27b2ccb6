"""Fuzzing the meta-analysis CSV import from the file's bytes on: any bytes, odd encodings,
CR-only lines, NUL bytes, absurd numbers and nesting give a JSON-safe result or a
MetaAnalysisError with a one-line message; never another exception. `make fuzz-importers`
runs it with 5,000 examples."""

from __future__ import annotations

import json

from hypothesis import event, given
from hypothesis import strategies as st

from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import METHODS
from msrelief.stats.meta_csv import COLUMNS, MEASURES, run_meta_csv
from msrelief.testing import fuzz_settings, hostile_bytes

_cells = st.one_of(
    st.floats(min_value=0.01, max_value=200).map(lambda x: f"{x:.2f}"),
    st.integers(min_value=1, max_value=500).map(str),
    st.sampled_from(["", " ", "NA", "1,5", "-0", "1e308", "nan", '"3"', "\x00"]),
)


@st.composite
def _tables(draw: st.DrawFn, measure: str) -> str:
    columns = COLUMNS[measure]
    rows = [",".join(columns)]
    for i in range(draw(st.integers(min_value=0, max_value=8))):
        rows.append(",".join([f"S{i}", *(draw(_cells) for _ in columns[1:])]))
    return "\n".join(rows)


def _files(measure: str) -> st.SearchStrategy[tuple[str, bytes]]:
    """A file for ``measure``'s columns, mutated or as it is (most of those pool)."""
    tables = _tables(measure)
    return st.tuples(st.just(measure), hostile_bytes(tables) | tables.map(str.encode))


@fuzz_settings()
@given(st.sampled_from(MEASURES).flatmap(_files), st.sampled_from(METHODS), st.booleans())
def test_any_csv_file_gives_a_result_or_a_one_line_error(
    file: tuple[str, bytes], method: str, hksj: bool
) -> None:
    measure, data = file
    try:
        text = data.decode("utf-8-sig")  # as the command and the upload form read it
    except UnicodeDecodeError:
        event("not UTF-8 (refused before the import)")
        return
    try:
        result = run_meta_csv(text, measure, method, hksj, max_studies=200)  # type: ignore[arg-type]
    except MetaAnalysisError as error:
        assert str(error).strip() and "\n" not in str(error)
        event("refused")
        return
    json.dumps(result, allow_nan=False)
    event("pooled")
