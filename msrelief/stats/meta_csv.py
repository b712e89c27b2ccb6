"""CSV front-end for a meta-analysis (used by ``msrelief meta FILE.csv``).

One study per row, with a header row. Columns by measure (names are case-insensitive,
extra columns are ignored):

* ``MD`` (mean difference) and ``SMD`` (Hedges' g): ``study,m1,sd1,n1,m2,sd2,n2`` - mean,
  SD and size of the treated group (1) then the control group (2);
* ``RR`` (risk ratio) and ``OR`` (odds ratio): ``study,a,b,c,d`` - events and non-events in
  the treated group, then events and non-events in the control group;
* ``GEN`` (any precomputed effect): ``study,yi,vi`` - the effect and its sampling variance
  (ratio measures already on the log scale).

Row numbers in error messages count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

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

    row = _Row(number=number, label=cell("study"), values={})
    if not row.label:
        raise MetaAnalysisError(f"row {number}, column 'study': the study label is empty")
    for name in index:
        if name == "study":
            continue
        raw = cell(name)
        if raw == "":
            raise MetaAnalysisError(f"{_where(row, name)}: the value is missing")
        value = _parse_number(raw)
        if value is None:
            raise MetaAnalysisError(f"{_where(row, name)}: {raw!r} is not a number")
        row.values[name] = value
    return row


def _read_rows(text: str, measure: Measure) -> list[_Row]:
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    numbered = [
        (i, cells) for i, cells in enumerate(lines, start=1) if any(c.strip() for c in cells)
    ]
    if not numbered:
        raise MetaAnalysisError(
            "the CSV file is empty; it needs a header row and one row per study"
        )
    (_, header), body = numbered[0], numbered[1:]
    index = _header(header, measure)
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


_BUILDERS: dict[Measure, tuple[Callable[[_Row], None], Callable[..., EffectSize]]] = {
    "MD": (_check_means, mean_difference),
    "SMD": (_check_means, hedges_g),
    "RR": (_check_counts, log_risk_ratio),
    "OR": (_check_counts, log_odds_ratio),
    "GEN": (_check_generic, EffectSize),
}


def _effect(row: _Row, measure: Measure) -> EffectSize:
    check, build = _BUILDERS[measure]
    check(row)
    arguments = [row.values[name] for name in COLUMNS[measure][1:]]
    try:
        return build(*arguments)
    except MetaAnalysisError as error:  # pragma: no cover - the checks above come first
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
) -> dict[str, object]:
    """Read studies from CSV ``text``, compute each study's effect for ``measure`` and pool
    them with ``method`` (``FE``, ``DL``, ``REML``, ``PM``), optionally with HKSJ.

    Returns a JSON-ready dict: ``estimate, se, ci_low, ci_high, tau2, i2, h2, q, q_p,
    pi_low, pi_high, k, measure, method, hksj, level, statistic, p_value, df, scale,
    studies`` (``[{study, yi, vi, weight}]``, weight in percent). For ``RR``/``OR`` the
    numbers are on the log scale (``scale: "log"``) and ``exp`` holds the estimate, CI and
    prediction interval back-transformed to the ratio scale. Missing values are ``None``,
    never NaN. Any bad row raises :class:`MetaAnalysisError` naming the row number (header
    = row 1), the study label and the column.
    """
    if measure not in MEASURES:
        raise MetaAnalysisError(f"measure must be one of {', '.join(MEASURES)}; got {measure!r}")
    rows = _read_rows(text, measure)
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
