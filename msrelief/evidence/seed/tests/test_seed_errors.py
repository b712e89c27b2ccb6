"""load_seed() refuses broken seed files with an error naming the file, entry and field."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from msrelief.evidence.seed import SEED_DIR, SeedError, load_seed

Data = Any


def copy_seed(tmp_path: Path) -> Path:
    for name in ("references.json", "claims.json", "studies.json"):
        shutil.copy(SEED_DIR / name, tmp_path / name)
    return tmp_path


def edit(directory: Path, name: str, change: Callable[[Data], None]) -> None:
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def claim(data: Data, claim_id: str) -> Data:
    return next(c for c in data["claims"] if c["id"] == claim_id)


def study(data: Data, study_id: str) -> Data:
    return next(s for s in data["studies"] if s["id"] == study_id)


def first_result(data: Data, study_id: str) -> Data:
    return study(data, study_id)["results"][0]


def first_arm(data: Data, study_id: str) -> Data:
    return study(data, study_id)["arms"][0]


def _delete(mapping: dict[str, Any], key: str) -> None:
    del mapping[key]


CASES: list[tuple[str, Callable[[Data], None], str | None, str | None, str]] = [
    ("claims.json", lambda d: claim(d, "C3")["references"].append("nobody2020"),
     "C3", "references", "unknown reference key 'nobody2020'"),
    ("claims.json", lambda d: claim(d, "C5").update(verification_status="as cited"),
     "C5", "verification_status", "not one of"),
    ("claims.json", lambda d: claim(d, "C7").update(topic="ms-biology"),
     "C7", "topic", "not one of"),
    ("claims.json", lambda d: claim(d, "C8").update(references=[]),
     "C8", "references", "at least one"),
    ("claims.json", lambda d: _delete(claim(d, "C9"), "note"),
     "C9", "note", "is missing"),
    ("claims.json", lambda d: claim(d, "C2").update(id="C1"), "C1", "id", "used twice"),
    ("claims.json", lambda d: claim(d, "C4").update(colour="red"), "C4", "colour", "not a known"),
    ("studies.json", lambda d: study(d, "naderi2024").update(reference="naderi2042"),
     "naderi2024", "reference", "unknown reference key"),
    ("studies.json", lambda d: study(d, "naderi2024")["results"][0].update(scope="overall"),
     "naderi2024-qol", "scope", "not one of"),
    ("studies.json", lambda d: study(d, "naderi2024")["results"][0].update(effect_value="0.53"),
     "naderi2024-qol", "effect_value", "must be a number"),
    ("studies.json", lambda d: first_result(d, "naderi2024").update(comparison=["massage", "x"]),
     "naderi2024-qol", "arm", "'x' is not an arm of naderi2024"),
    ("studies.json", lambda d: study(d, "naderi2024")["results"][0].update(p_value=1.5),
     "naderi2024-qol", "p_value", "between 0 and 1"),
    ("studies.json", lambda d: study(d, "naderi2024")["arms"][0].update(kind="active"),
     "naderi2024, arm massage", "kind", "not one of"),
    ("studies.json", lambda d: study(d, "naderi2024")["arms"][0].update(n_randomised=35.5),
     "naderi2024, arm massage", "n_randomised", "whole number"),
    ("studies.json", lambda d: first_arm(d, "schroeder2014")["second_hand_fields"].append("x"),
     "schroeder2014, arm massage_period", "second_hand_fields", "'x' is not a field"),
    ("studies.json",
     lambda d: study(d, "hernandezreif1998")["unconfirmed_results"][0].update(
         verification_status="abstract_only"),
     "hernandezreif1998-stai-anxiety-massage-first_day-before", "verification_status",
     "unverified"),
    ("studies.json", lambda d: study(d, "ma2023").update(review=None),
     "ma2023", "review", "required"),
    ("studies.json", lambda d: _delete(study(d, "gaballah2023"), "n_analysed"),
     "gaballah2023", "n_analysed", "write null"),
    ("studies.json", lambda d: first_result(d, "naderi2024").update(instrument_code="sf-36"),
     "naderi2024-qol", "instrument_code", "not an instrument msrelief ships"),
    ("studies.json", lambda d: first_result(d, "naderi2024").update(
         instrument_code="sf36", score_name="total"),
     "naderi2024-qol", "score_name", "'total' is not a score of sf36"),
    ("studies.json", lambda d: first_result(d, "naderi2024").update(score_name="total"),
     "naderi2024-qol", "score_name", "matching instrument first"),
    ("studies.json", lambda d: first_result(d, "naderi2024").update(time_point_weeks=-6),
     "naderi2024-qol", "time_point_weeks", "0 or more"),
    ("studies.json", lambda d: _delete(first_result(d, "naderi2024"), "instrument_code"),
     "naderi2024-qol", "instrument_code", "write null"),
    ("references.json", lambda d: d[0].pop("title"), "dolcetti2020", "title", "missing"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "change", "entry", "field", "message"), CASES)
def test_a_broken_seed_file_raises_an_error_naming_file_entry_and_field(
    tmp_path: Path,
    file: str,
    change: Callable[[Data], None],
    entry: str | None,
    field: str | None,
    message: str,
) -> None:
    directory = copy_seed(tmp_path)
    edit(directory, file, change)
    with pytest.raises(SeedError, match=message) as caught:
        load_seed(directory)
    assert (caught.value.file, caught.value.entry, caught.value.field) == (file, entry, field)
    assert str(caught.value).startswith(file)


def test_a_seed_file_that_is_not_json_is_named(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    (directory / "studies.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SeedError, match=r"studies.json: not valid JSON \(line 1"):
        load_seed(directory)


def test_a_missing_seed_file_is_named(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    (directory / "claims.json").unlink()
    with pytest.raises(SeedError, match=r"claims\.json: file not found"):
        load_seed(directory)


def test_seed_error_is_a_value_error() -> None:
    assert issubclass(SeedError, ValueError)
