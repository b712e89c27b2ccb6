"""Every packaged definition loads and validates; broken files fail with file and field named;
scoring-only definitions carry no item wording anywhere in the repository."""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from msrelief.scoring import (
    DEFAULT_CONTENT,
    DEFAULT_DEFINITIONS,
    DefinitionError,
    get_definition,
    load_definition_file,
    load_definitions,
    load_registry,
)
from msrelief.scoring.questionnaire import NEUTRAL_ITEM_TEXT, neutral_text_problems

DEFINITION_FILES = sorted(DEFAULT_DEFINITIONS.glob("*.json"))
EXPECTED_CODES = {
    "phq9",
    "phq8",
    "gad7",
    "dass21",
    "who5",
    "pss10",
    "fss",
    "mfis21",
    "mfis5",
    "msis29",
    "msws12",
    "psqi",
    "isi",
    "hads",
    "bai",
    "sf36",
    "rand36",
    "nrs-pain",
    "nrs-fatigue",
    "nrs-stress",
    "nrs-relaxation",
    "nrs-mood",
    "nrs-stiffness",
    "nrs-sleep",
    "t25fw",
    "6mwt",
    "mas",
}
SCORING_ONLY = {"mfis21", "mfis5", "msis29", "msws12", "psqi", "isi", "hads", "bai", "sf36"}
CONTENT_PACK = {"dass21", "who5", "pss10", "fss"}


def raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_the_packaged_folder_defines_every_instrument_in_the_brief() -> None:
    assert set(load_definitions()) == EXPECTED_CODES


@pytest.mark.parametrize("path", DEFINITION_FILES, ids=lambda p: p.name)
def test_each_packaged_definition_loads_and_validates(path: Path) -> None:
    definition = load_definition_file(path)
    assert path.name == f"{definition.code}-{definition.version}.json"
    # A change to how an instrument is scored bumps its scoring-N (old scores keep theirs).
    expected = rf"{re.escape(definition.code)}@{re.escape(definition.version)}/scoring-[1-9]\d*"
    assert re.fullmatch(expected, definition.scoring_version)


@pytest.mark.parametrize("code", sorted(SCORING_ONLY))
def test_a_scoring_only_definition_carries_only_neutral_labels(code: str) -> None:
    for path in DEFAULT_DEFINITIONS.glob(f"{code}-*.json"):
        data = raw(path)
        assert data["licence"]["ships_item_text"] is False
        assert data["instructions"] is None
        assert "description" not in data["questionnaire"]
        assert neutral_text_problems(data["questionnaire"]) == []
        assert all(NEUTRAL_ITEM_TEXT.match(item["text"]) for item in data["questionnaire"]["item"])
        assert not (DEFAULT_CONTENT / path.name).exists()


@pytest.mark.parametrize("path", DEFINITION_FILES, ids=lambda p: p.name)
def test_a_definition_without_shippable_text_has_no_content_file_or_wording(path: Path) -> None:
    data = raw(path)
    kind = data["licence"]["item_text"]
    if kind in ("none", "content"):
        assert neutral_text_problems(data["questionnaire"]) == []
    assert (DEFAULT_CONTENT / path.name).exists() == (kind == "content")


@pytest.mark.parametrize("code", sorted(CONTENT_PACK))
def test_a_content_pack_instrument_gets_its_wording_from_the_content_folder(code: str) -> None:
    definition = get_definition(code)
    assert definition.item_text_available
    first = definition.questionnaire["item"][0]
    assert not NEUTRAL_ITEM_TEXT.match(first["text"])
    stored = raw(DEFAULT_DEFINITIONS / definition.file)
    assert stored["questionnaire"]["item"][0]["text"] == "Item 1"


def test_without_the_content_folder_the_same_definitions_load_with_neutral_labels(
    tmp_path: Path,
) -> None:
    definitions = load_definitions(content_directory=tmp_path / "absent")
    for code in CONTENT_PACK:
        assert not definitions[code].item_text_available
        assert neutral_text_problems(definitions[code].questionnaire) == []


def test_the_content_folder_holds_its_licence_note() -> None:
    note = (DEFAULT_CONTENT / "LICENSE-NOTE.md").read_text(encoding="utf-8")
    assert "non-commercial" in note
    for code in CONTENT_PACK:
        assert f"{code}-1.0.json" in note


def test_the_registry_serves_the_latest_version_and_any_version_by_code_and_version() -> None:
    assert get_definition("msis29").version == "2.0"
    assert get_definition("msis29", "1.0").version == "1.0"
    assert get_definition("msis29@1.0").version == "1.0"
    assert load_registry().get("phq9").code == "phq9"


@pytest.mark.parametrize(
    ("code", "version", "message"),
    [("nope", None, "no instrument 'nope'"), ("phq9", "9.9", "no instrument 'phq9@9.9'")],
)
def test_an_unknown_code_or_version_is_a_key_error_listing_known_codes(
    code: str, version: str | None, message: str
) -> None:
    with pytest.raises(KeyError, match=message):
        get_definition(code, version)


Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[str | int, ...], value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(key: str) -> Mutation:
    return lambda data: data.pop(key)


def _put_text_in_scoring_only(data: dict[str, Any]) -> None:
    data["questionnaire"]["item"][0]["text"] = "I felt very tired today"


BROKEN = [
    ("phq9", _delete("title"), "title"),
    ("phq9", _set(("scoring", "scores", 0, "range"), [0, 30]), "scoring.scores[0].range"),
    ("phq9", _set(("scoring", "scores", 0, "items"), ["1", "2", "99"]), "scoring.scores[0].items"),
    (
        "phq9",
        _set(("scoring", "scores", 0, "bands", 1, "from"), 0),
        "scoring.scores[0].bands",
    ),
    (
        "phq9",
        _set(("questionnaire", "item", 0, "answerOption", 0, "extension", 0, "valueDecimal"), 7),
        "questionnaire.item[0].answerOption",
    ),
    ("phq9", _set(("questionnaire", "item", 0, "linkId"), None), "questionnaire.item[0].linkId"),
    ("phq9", _set(("licence", "ships_item_text"), False), "licence.item_text"),
    ("phq9", _set(("mcid",), {}), "mcid"),
    ("phq9", _set(("reliability", "total", "r"), 1.5), "reliability.total.r"),
    (
        "phq9",
        _set(("scoring", "scores", 0, "missing", "min_answered"), 7),
        "scoring.scores[0].missing.impute",
    ),
    ("pss10", _set(("scoring", "items", 3, "keying"), {}), "scoring.items[3].keying"),
    ("mfis21", _put_text_in_scoring_only, "questionnaire.item[0].text"),
    (
        "sf36",
        _set(("scoring", "items", 0, "keying", "map"), {"abc": 5, "2": 4.4, "3": 3.4, "4": 2}),
        "scoring.items[0].keying.map",
    ),
    (
        "sf36",
        _set(
            ("scoring", "items", 21, "keying", "conditional_map", "cases", 2, "when_missing"), False
        ),
        "scoring.items[21].keying.conditional_map.cases",
    ),
    ("dass21", _set(("scoring", "scores", 1, "transform"), None), "scoring.scores[1].range"),
    # MSIS-29 physical MCID by EDSS band (Costelloe 2007): checked at load.
    ("msis29", _set(("mcid", "physical", "improvement"), 8), "mcid.physical"),
    ("msis29", _set(("mcid", "physical", "unit"), None), "mcid.physical.unit"),
    ("msis29", _set(("mcid", "physical", "by_edss", "cite"), " "), "mcid.physical.by_edss.cite"),
    ("msis29", _set(("mcid", "physical", "by_edss", "bands"), []), "mcid.physical.by_edss.bands"),
    (
        "msis29",
        _set(("mcid", "physical", "by_edss", "bands", 0, "edss"), [0, 5.2]),
        "mcid.physical.by_edss.bands[0].edss",
    ),
    (
        "msis29",
        _set(("mcid", "physical", "by_edss", "bands", 0, "edss"), [5, 0]),
        "mcid.physical.by_edss.bands[0].edss",
    ),
    (
        "msis29",
        _set(("mcid", "physical", "by_edss", "bands", 1, "edss"), [5, 8]),
        "mcid.physical.by_edss.bands[1].edss",
    ),
    (
        "msis29",
        _set(("mcid", "physical", "by_edss", "bands", 1), {"edss": [5.5, 8]}),
        "mcid.physical.by_edss.bands[1]",
    ),
    (
        "msis29",
        _set(("mcid", "physical", "by_edss", "bands", 0, "improvement"), -7),
        "mcid.physical.by_edss.bands[0]",
    ),
]


@pytest.mark.parametrize(("code", "mutate", "field"), BROKEN, ids=[b[2] for b in BROKEN])
def test_a_broken_definition_raises_an_error_naming_the_file_and_the_field(
    tmp_path: Path, code: str, mutate: Mutation, field: str
) -> None:
    source = DEFAULT_DEFINITIONS / f"{code}-1.0.json"
    data = copy.deepcopy(raw(source))
    mutate(data)
    target = tmp_path / source.name
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_registry(tmp_path)
    assert caught.value.file == source.name
    assert caught.value.field == field
    assert f"{source.name}: field '{field}'" in str(caught.value)


def test_a_definition_file_with_the_wrong_name_is_refused(tmp_path: Path) -> None:
    shutil.copy(DEFAULT_DEFINITIONS / "gad7-1.0.json", tmp_path / "gad7-2.0.json")
    with pytest.raises(DefinitionError, match=r"gad7-2\.0\.json: field 'code'"):
        load_registry(tmp_path)


def test_a_definition_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    (tmp_path / "phq9-1.0.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"phq9-1\.0\.json: field '\(file\)'"):
        load_registry(tmp_path)


def test_every_answer_scale_value_appears_as_an_ordinal_value_in_the_questionnaire() -> None:
    for definition in load_registry().by_version.values():
        for rule, item in zip(definition.plan.items, definition.questionnaire["item"], strict=True):
            assert item["linkId"] == rule.link_id
            if rule.values is not None:
                ordinals = [o["extension"][0]["valueDecimal"] for o in item["answerOption"]]
                assert sorted(float(v) for v in ordinals) == list(rule.values)


def test_the_t25fw_test_retest_figures_cite_the_study_that_reported_them() -> None:
    # ICC 0.98 and the SD of 11.0 s in the MSOAC placebo data are Kalinowski et al. 2022's
    # figures, not the 2017 MSOAC review's (the independent scoring check, issue 9).
    reliability = load_definitions()["t25fw"].reliability_for("total")
    assert reliability is not None
    assert "Kalinowski" in reliability.r_source and "2022" in reliability.r_source
    assert "Kalinowski" in reliability.sd_source
    assert "Motl" not in reliability.r_source
