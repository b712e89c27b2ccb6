"""A definition whose presentation contract is wrong is refused at load, naming the file and
the field: unknown placeholders, bad or clashing export columns, an axis narrower than the
range; and two definitions may not share an export column."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from msrelief.scoring import DEFAULT_DEFINITIONS, DefinitionError, load_registry

Mutation = Callable[[dict[str, Any]], None]
SCORE = ("scoring", "scores", 0, "presentation")


def _raw(code: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEFAULT_DEFINITIONS / f"{code}-1.0.json").read_text())
    return copy.deepcopy(data)


def _set(path: tuple[str | int, ...], value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return mutate


_DELETE = object()
SUMMARY = (*SCORE, "summary")
COLUMN = (*SCORE, "export", "column")
SUMMARY_FIELD = "scoring.scores[0].presentation.summary"
COLUMN_FIELD = "scoring.scores[0].presentation.export.column"

BROKEN = [
    (
        "phq9",
        _set(SUMMARY, "{label} {value} {score}"),
        SUMMARY_FIELD,
        "unknown placeholder {score}",
    ),
    ("phq9", _set(SUMMARY, "{label} {value:.1f}"), SUMMARY_FIELD, "takes no format or conversion"),
    ("phq9", _set(SUMMARY, "{label} {value!r}"), SUMMARY_FIELD, "takes no format or conversion"),
    ("phq9", _set(SUMMARY, "{label} {value"), SUMMARY_FIELD, "is not a valid template"),
    ("phq9", _set(SUMMARY, "{label} ({band})"), SUMMARY_FIELD, "must name {value}"),
    ("phq9", _set(SUMMARY, "{value}\n{band}"), SUMMARY_FIELD, "must be one line"),
    ("phq9", _set(SUMMARY, "{value} " + "x" * 160), SUMMARY_FIELD, "must be one line of 1 to 160"),
    ("phq9", _set(SUMMARY, "{value} {unit}"), SUMMARY_FIELD, "the score has no unit"),
    ("mfis21", _set(SUMMARY, "{value} ({band})"), SUMMARY_FIELD, "the score has no bands"),
    ("phq9", _set(COLUMN, "PHQ9_total"), COLUMN_FIELD, "must be a variable name"),
    ("phq9", _set(COLUMN, "9phq_total"), COLUMN_FIELD, "must be a variable name"),
    ("phq9", _set(COLUMN, "phq9_" + "t" * 28), COLUMN_FIELD, "must be a variable name"),
    ("phq9", _set(COLUMN, "phq9_q3"), "export.item_prefix", "column 'phq9_q3' is also"),
    (
        "dass21",
        _set(("scoring", "scores", 1, "presentation", "export", "column"), "dass21_total"),
        "scoring.scores[1].presentation.export.column",
        "column 'dass21_total' is also scoring.scores[0].presentation.export.column",
    ),
    ("phq9", _set(("export", "item_prefix"), "PHQ"), "export.item_prefix", "variable name"),
    ("phq9", _set((*SCORE, "axis"), [0, 20]), "scoring.scores[0].presentation.axis", "whole range"),
    ("phq9", _set((*SCORE, "axis"), [27, 0]), "scoring.scores[0].presentation.axis", "low < high"),
    ("phq9", _set(SCORE, _DELETE), "scoring.scores[0].presentation", "Field required"),
    ("phq9", _set(("export",), _DELETE), "export", "Field required"),
    ("phq9", _set((*SCORE, "colour"), "red"), "scoring.scores[0].presentation.colour", "Extra"),
]


@pytest.mark.parametrize(
    ("code", "mutate", "field", "message"), BROKEN, ids=[f"{b[2]}:{b[3]}" for b in BROKEN]
)
def test_a_bad_contract_is_refused_at_load_naming_the_file_and_the_field(
    tmp_path: Path, code: str, mutate: Mutation, field: str, message: str
) -> None:
    data = _raw(code)
    mutate(data)
    name = f"{code}-1.0.json"
    (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_registry(tmp_path)
    assert (caught.value.file, caught.value.field) == (name, field)
    assert f"{name}: field '{field}'" in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (_set(COLUMN, "phq8_total"), COLUMN_FIELD),
        (_set(("export", "item_prefix"), "phq8"), "export.item_prefix"),
    ],
)
def test_two_definitions_that_share_an_export_column_are_refused_naming_both(
    tmp_path: Path, mutate: Mutation, field: str
) -> None:
    phq9 = _raw("phq9")
    mutate(phq9)
    (tmp_path / "phq9-1.0.json").write_text(json.dumps(phq9), encoding="utf-8")
    (tmp_path / "phq8-1.0.json").write_text(json.dumps(_raw("phq8")), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_registry(tmp_path)
    assert (caught.value.file, caught.value.field) == ("phq9-1.0.json", field)
    assert "is already used by phq8-1.0.json" in str(caught.value)


def test_the_packaged_definitions_load_together_with_no_shared_column() -> None:
    assert len(load_registry(DEFAULT_DEFINITIONS).by_version) == len(
        list(DEFAULT_DEFINITIONS.glob("*.json"))
    )
