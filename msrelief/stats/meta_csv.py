"""CSV front-end for a meta-analysis (used by ``msrelief meta FILE.csv``).

One study per row, with a header row. Columns by measure (names are case-insensitive,
extra columns are ignored):

* ``MD`` (mean difference) and ``SMD`` (Hedges' g): ``study,m1,sd1,n1,m2,sd2,n2`` - mean,
  SD and size of the treated group (1) then the control group (2);
* ``RR`` (risk ratio) and ``OR`` (odds ratio): ``study,a,b,c,d`` - events and non-events in
  the treated group, then events and non-events in the control group;
* ``GEN`` (any precomputed effect): ``study,yi,vi`` - the effect and its sampling variance
  (ratio measures already on the log scale).

Row numbers in error messages count the header as row 1, as a spreadsheet shows them. Line
endings may be LF, CRLF or CR alone (old spreadsheet exports). Every number must be finite and
within the bounds of :mod:`msrelief.stats.bounds`; a study label may be at most
:data:`~msrelief.lib.limits.MAX_STUDY_LABEL` characters. A caller that serves the public passes
``max_studies``: reading stops at the first study over it, before any number is parsed.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from msrelief.lib.limits import MAX_STUDY_LABEL
from msrelief.stats.bounds import check_effect, check_number
from msrelief.stats.effect_sizes import (
    EffectSize,
    hedges_g,
    log_odds_ratio,
    log_risk_ratio,
    mean_difference,
)
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import Method, meta_analysis

__all__ = ["COLUMNS", "MEASURES", "Measure", "run_meta_csv"]

Measure = Literal["MD", "SMD", "RR", "OR", "GEN"]
MEASURES: tuple[Measure, ...] = ("MD", "SMD", "RR", "OR", "GEN")
RATIO_MEASURES: frozenset[str] = frozenset({"RR", "OR"})

_MEANS = ("study", "m1", "sd1", "n1", "m2", "sd2", "n2")
_COUNTS = ("study", "a", "b", "c", "d")
COLUMNS: dict[Measure, tuple[str, ...]] = {
    "MD": _MEANS,
    "SMD": _MEANS,
    "RR": _COUNTS,
    "OR": _COUNTS,
    "GEN": ("study", "yi", "vi"),
}


@dataclass(frozen=True)
class _Row:
    number: int
    label: str
    values: dict[str, float]


def _where(row: _Row, column: str | None = None) -> str:
    place = f"row {row.number} (study {row.label!r})"
    return place if column is None else f"{place}, column {column!r}"


def _parse_number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _label(number: int, text: str) -> str:
    if not text:
        raise MetaAnalysisError(f"row {number}, column 'study': the study label is empty")
    if len(text) > MAX_STUDY_LABEL:
        raise MetaAnalysisError(
            f"row {number}, column 'study': the study label is {len(text)} characters long; "
            f"the limit is {MAX_STUDY_LABEL}"
        )
    return text


def _header(cells: list[str], measure: Measure) -> dict[str, int]:
    names = [cell.strip().lower() for cell in cells]
    for name in COLUMNS[measure]:
        if name not in names:
            expected = ",".join(COLUMNS[measure])
            raise MetaAnalysisError(
                f"row 1 (header): missing column {name!r}; a {measure} file needs {expected}"
            )
        if names.count(name) > 1:
            raise MetaAnalysisError(f"row 1 (header): column {name!r} appears more than once")
    return {name: names.index(name) for name in COLUMNS[measure]}


def _data_row(number: int, cells: list[str], index: Mapping[str, int]) -> _Row:
    def cell(name: str) -> str:
        position = index[name]
        return cells[position].strip() if position < len(cells) else ""

    row = _Row(number=number, label=_label(number, cell("study")), values={})
    for name in index:
        if name == "study":
            continue
        raw = cell(name)
        if raw == "":
            raise MetaAnalysisError(f"{_where(row, name)}: the value is missing")
        value = _parse_number(raw)
        if value is None:
            shown = raw if len(raw) <= 40 else raw[:40] + "..."
            raise MetaAnalysisError(f"{_where(row, name)}: {shown!r} is not a number")
        try:
            row.values[name] = check_number("the value", value)
        except MetaAnalysisError as error:
            raise MetaAnalysisError(f"{_where(row, name)}: {error}") from None
    return row


def _lines(text: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank lines of the CSV as (row number, cells); any line ending is accepted."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=None))
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise MetaAnalysisError(
                f"row {reader.line_num}: the CSV cannot be read ({error})"
            ) from None
        if any(cell.strip() for cell in cells):
            yield reader.line_num, cells


def _read_rows(text: str, measure: Measure, max_studies: int | None) -> list[_Row]:
    lines = _lines(text)
    first = next(lines, None)
    if first is None:
        raise MetaAnalysisError(
            "the CSV file is empty; it needs a header row and one row per study"
        )
    index = _header(first[1], measure)
    body: list[tuple[int, list[str]]] = []
    for number, cells in lines:
        if max_studies is not None and len(body) == max_studies:
            raise MetaAnalysisError(
                f"row {number}: more than {max_studies} studies; the limit is {max_studies} "
                "studies per analysis"
            )
        body.append((number, cells))
    if not body:
        raise MetaAnalysisError("the CSV file has a header but no studies")
    return [_data_row(number, cells, index) for number, cells in body]


def _check_means(row: _Row) -> None:
    for name in ("n1", "n2"):
        value = row.values[name]
        if value <= 1 or value != math.floor(value):
            raise MetaAnalysisError(f"{_where(row, name)}: must be a whole number above 1")
    for name in ("sd1", "sd2"):
        if row.values[name] <= 0:
            raise MetaAnalysisError(f"{_where(row, name)}: must be greater than 0")


def _check_counts(row: _Row) -> None:
    for name in ("a", "b", "c", "d"):
        value = row.values[name]
        if value < 0 or value != math.floor(value):
            raise MetaAnalysisError(f"{_where(row, name)}: must be a whole number of 0 or more")
    if row.values["a"] + row.values["b"] == 0:
        raise MetaAnalysisError(f"{_where(row, 'b')}: the treated group is empty (a + b = 0)")
    if row.values["c"] + row.values["d"] == 0:
        raise MetaAnalysisError(f"{_where(row, 'd')}: the control group is empty (c + d = 0)")


def _check_generic(row: _Row) -> None:
    if row.values["vi"] <= 0:
        raise MetaAnalysisError(f"{_where(row, 'vi')}: the sampling variance must be above 0")


def _generic(yi: float, vi: float) -> EffectSize:
    return EffectSize(*check_effect(yi, vi))


_BUILDERS: dict[Measure, tuple[Callable[[_Row], None], Callable[..., EffectSize]]] = {
    "MD": (_check_means, mean_difference),
    "SMD": (_check_means, hedges_g),
    "RR": (_check_counts, log_risk_ratio),
    "OR": (_check_counts, log_odds_ratio),
    "GEN": (_check_generic, _generic),
}


def _effect(row: _Row, measure: Measure) -> EffectSize:
    check, build = _BUILDERS[measure]
    check(row)
    arguments = [row.values[name] for name in COLUMNS[measure][1:]]
    try:
        return build(*arguments)
    except MetaAnalysisError as error:  # an effect outside the range that can be pooled
        raise MetaAnalysisError(f"{_where(row)}: {error}") from None


def _safe_exp(value: object) -> float | None:
    if not isinstance(value, float):
        return None
    try:
        result = math.exp(value)
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


def run_meta_csv(
    text: str,
    measure: Measure,
    method: Method,
    hksj: bool,
    *,
    max_studies: int | None = None,
) -> dict[str, object]:
    """Read studies from CSV ``text``, compute each study's effect for ``measure`` and pool
    them with ``method`` (``FE``, ``DL``, ``REML``, ``PM``), optionally with HKSJ.

    Returns a JSON-ready dict: ``estimate, se, ci_low, ci_high, tau2, i2, h2, q, q_p,
    pi_low, pi_high, k, measure, method, hksj, level, statistic, p_value, df, scale,
    studies`` (``[{study, yi, vi, weight}]``, weight in percent). For ``RR``/``OR`` the
    numbers are on the log scale (``scale: "log"``) and ``exp`` holds the estimate, CI and
    prediction interval back-transformed to the ratio scale. Missing values are ``None``,
    never NaN. Any bad row raises :class:`MetaAnalysisError` naming the row number (header
    = row 1), the study label and the column; more than ``max_studies`` rows is an error
    raised before any row is parsed.
    """
    if measure not in MEASURES:
        raise MetaAnalysisError(f"measure must be one of {', '.join(MEASURES)}; got {measure!r}")
    rows = _read_rows(text, measure, max_studies)
    effects = [_effect(row, measure) for row in rows]
    result = meta_analysis(
        [e.yi for e in effects],
        [e.vi for e in effects],
        method=method,
        hksj=hksj,
        labels=[row.label for row in rows],
    )
    summary = result.to_dict()
    studies = summary.pop("studies")
    output: dict[str, object] = {**summary, "measure": measure}
    output["scale"] = "log" if measure in RATIO_MEASURES else "identity"
    output["studies"] = studies
    if measure in RATIO_MEASURES:
        keys = ("estimate", "ci_low", "ci_high", "pi_low", "pi_high")
        output["exp"] = {key: _safe_exp(summary[key]) for key in keys}
    return output
