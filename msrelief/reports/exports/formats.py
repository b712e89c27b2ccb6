"""The three exports as rows of text: long, wide and the data dictionary (docs/exports.md).

* **long**: one row a response and variable (each score, then each item), with the response's
  client number, instrument and scoring versions and submitted date; ``value`` is empty where
  an item was not answered or a score could not be computed.
* **wide**: one row a response; after the same identifying columns, one column a variable of
  every instrument version in the export (empty where the response is to another instrument).
* **dictionary**: one row a variable and instrument version; ``value_labels`` reads
  ``0=Not at all | 1=Several days`` (for a score, the value each severity band starts at).

:func:`csv_chunks` turns any of them into CSV text, a line at a time, for a streamed download.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from msrelief.reports.exports.records import ExportPlan, Record, records
from msrelief.reports.exports.variables import Variable, variables_of
from msrelief.scoring.contract import number_text

FORMATS = ("long", "wide", "dictionary")
IDENTIFIERS = (
    "client",
    "response",
    "instrument",
    "instrument_version",
    "scoring_version",
    "submitted",
)
LONG_COLUMNS = (*IDENTIFIERS, "variable", "value", "value_label")
DICTIONARY_COLUMNS = (
    "variable", "label", "kind", "type", "values", "value_labels",
    "instrument", "instrument_version", "scoring_version", "source",
)  # fmt: skip

Row = tuple[object, ...]


def _value(record: Record, variable: Variable) -> float | None:
    if variable.kind == "score":
        return record.scores.get(variable.key)
    answer = record.answers.get(variable.key)
    return None if answer is None or isinstance(answer, bool) else float(answer)


def _text(value: float | None) -> str:
    return "" if value is None else number_text(value)


def _identifiers(record: Record) -> Row:
    return (
        record.client, record.response, record.instrument, record.version,
        record.scoring_version, record.submitted.isoformat(),
    )  # fmt: skip


def long_rows(plan: ExportPlan) -> Iterator[Row]:
    yield LONG_COLUMNS
    variables = {definition.key: variables_of(definition) for definition in plan.definitions}
    for record in records(plan):
        start = _identifiers(record)
        for variable in variables[f"{record.instrument}@{record.version}"]:
            value = _value(record, variable)
            yield (*start, variable.name, _text(value), variable.label_of(value))


def wide_columns(plan: ExportPlan) -> tuple[str, ...]:
    """The variables' names in the order of the plan's instrument versions, each once (two
    versions of one instrument share a column; ``instrument_version`` says which it is)."""
    names: dict[str, None] = {}
    for definition in plan.definitions:
        names.update((variable.name, None) for variable in variables_of(definition))
    return tuple(names)


def wide_rows(plan: ExportPlan) -> Iterator[Row]:
    columns = wide_columns(plan)
    yield (*IDENTIFIERS, *columns)
    variables = {definition.key: variables_of(definition) for definition in plan.definitions}
    for record in records(plan):
        values = {
            v.name: _text(_value(record, v))
            for v in variables[f"{record.instrument}@{record.version}"]
        }
        yield (*_identifiers(record), *(values.get(name, "") for name in columns))


def _labels_text(labels: Iterable[tuple[float, str]]) -> str:
    return " | ".join(f"{number_text(value)}={label}" for value, label in labels)


def dictionary_rows(plan: ExportPlan) -> Iterator[Row]:
    yield DICTIONARY_COLUMNS
    for definition in plan.definitions:
        for v in variables_of(definition):
            yield (
                v.name, v.label, v.kind, "numeric", v.values, _labels_text(v.value_labels),
                v.instrument, v.version, v.scoring_version, v.source,
            )  # fmt: skip


def rows_of(plan: ExportPlan, form: str) -> Iterator[Row]:
    makers = {"long": long_rows, "wide": wide_rows, "dictionary": dictionary_rows}
    return makers[form](plan)


def row_count(plan: ExportPlan, form: str) -> int:
    """How many rows (header left out) the export holds, from the plan alone."""
    if form == "wide":
        return plan.responses
    if form == "long":
        return sum(plan.counts[d.key] * len(variables_of(d)) for d in plan.definitions)
    return sum(len(variables_of(definition)) for definition in plan.definitions)


def csv_chunks(rows: Iterable[Row]) -> Iterator[str]:
    """CSV text, one line at a time (``\\r\\n`` line ends, as RFC 4180 and Excel expect)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate(0)
