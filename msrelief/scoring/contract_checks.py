"""Load-time checks of the presentation contract (:mod:`msrelief.scoring.contract`).

Each check raises :class:`~msrelief.scoring.errors.DefinitionError` naming the file and the
field (``scoring.scores[0].presentation.summary``):

* ``axis`` is ``[low, high]`` with low < high and holds the whole score range;
* ``summary`` is one line of at most :data:`MAX_SUMMARY` characters, names only the known
  placeholders, without format specs or conversions, and names ``{value}``; ``{band}`` only on
  a score that has bands, ``{unit}`` only on one that has a unit;
* ``export.column`` and ``export.item_prefix`` make variable names (``^[a-z][a-z0-9_]{0,31}$``)
  that no other score or item uses, in this file (here) or in any other definition
  (:func:`check_unique_columns`, when a registry is built).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from msrelief.scoring.contract import PLACEHOLDERS, item_column
from msrelief.scoring.errors import DefinitionError
from msrelief.scoring.models import DefinitionSpec, ScoreSpec

COLUMN_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_SUMMARY = 160

ColumnUse = tuple[str, str]  # (file, field)


def check_contract(file: str, spec: DefinitionSpec) -> None:
    """Raise DefinitionError for the first presentation or export field that is wrong."""
    for position, score in enumerate(spec.scoring.scores):
        field = f"scoring.scores[{position}].presentation"
        _check_axis(file, field, score)
        _check_summary(file, f"{field}.summary", score)
    seen: dict[str, str] = {}
    for column, field in columns_of(spec):
        if not COLUMN_PATTERN.match(column):
            raise DefinitionError(
                file,
                field,
                f"{column!r} must be a variable name: a lower-case letter, then up to 31 "
                "lower-case letters, digits or underscores",
            )
        if column in seen:
            raise DefinitionError(file, field, f"column {column!r} is also {seen[column]}")
        seen[column] = field


def columns_of(spec: DefinitionSpec) -> list[tuple[str, str]]:
    """Every export column of a definition with the field that makes it: scores, then items."""
    columns = [
        (score.presentation.export.column, f"scoring.scores[{position}].presentation.export.column")
        for position, score in enumerate(spec.scoring.scores)
    ]
    prefix = spec.export.item_prefix
    columns += [
        (item_column(prefix, item.link_id), "export.item_prefix") for item in spec.scoring.items
    ]
    return columns


def check_unique_columns(definitions: Iterable[tuple[str, DefinitionSpec]]) -> None:
    """No two definitions (any code, any version) share an export column."""
    owners: dict[str, ColumnUse] = {}
    for file, spec in sorted(definitions):
        for column, field in columns_of(spec):
            other = owners.get(column)
            if other is not None and other[0] != file:
                raise DefinitionError(
                    file, field, f"column {column!r} is already used by {other[0]} ({other[1]})"
                )
            owners[column] = (file, field)


def _check_axis(file: str, field: str, score: ScoreSpec) -> None:
    axis = score.presentation.axis
    if axis is None:
        return
    low, high = axis
    if not low < high:
        raise DefinitionError(file, f"{field}.axis", "must be [low, high] with low < high")
    if low > score.range[0] or high < score.range[1]:
        raise DefinitionError(
            file,
            f"{field}.axis",
            f"must hold the whole range {list(score.range)} of the score; got {list(axis)}",
        )


def _check_summary(file: str, field: str, score: ScoreSpec) -> None:
    template = score.presentation.summary
    if not template.strip() or len(template) > MAX_SUMMARY or "\n" in template:
        raise DefinitionError(file, field, f"must be one line of 1 to {MAX_SUMMARY} characters")
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        raise DefinitionError(file, field, f"is not a valid template: {error}") from None
    names: set[str] = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + known + "}" for known in PLACEHOLDERS)
            raise DefinitionError(file, field, f"unknown placeholder {{{name}}}; known: {known}")
        if spec or conversion:
            raise DefinitionError(
                file, field, f"placeholder {{{name}}} takes no format or conversion"
            )
        names.add(name)
    if "value" not in names:
        raise DefinitionError(file, field, "must name {value}")
    if "band" in names and not score.bands:
        raise DefinitionError(file, field, "names {band}, but the score has no bands")
    if "unit" in names and not score.unit:
        raise DefinitionError(file, field, "names {unit}, but the score has no unit")
