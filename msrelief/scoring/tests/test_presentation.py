"""What a client reads besides the items (recall phrase, item leads, rating anchors) is data in
the definitions and content packs, checked when they load: a broken field is refused with the
file and the field named."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from msrelief.scoring import (
    DEFAULT_CONTENT,
    DEFAULT_DEFINITIONS,
    DefinitionError,
    default_registry,
    get_definition,
    load_definitions,
    load_registry,
)

Mutation = Callable[[dict[str, Any]], None]


def raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _set(key: str, value: object) -> Mutation:
    return lambda data: data.__setitem__(key, value)


def _set_scale(field: str, value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        data["scoring"]["answer_scales"]["rating_0_10"][field] = value

    return mutate


def _lead(items: list[str], text: str = "Over the last 2 weeks:") -> Mutation:
    return _set("item_leads", [{"items": items, "text": text}])


BROKEN = [
    ("phq9", _set("recall_phrase", "last 2 weeks (unverified)"), "recall_phrase"),
    ("phq9", _set("recall_phrase", "see instruments.md §3.1"), "recall_phrase"),
    ("phq9", _set("recall_phrase", " "), "recall_phrase"),
    ("phq9", _lead(["1", "99"]), "item_leads[0].items"),
    ("phq9", _lead([]), "item_leads[0].items"),
    ("phq9", _lead(["1"], text=" "), "item_leads[0].text"),
    (
        "phq9",
        _set("item_leads", [{"items": ["1", "2"], "text": "A"}, {"items": ["2"], "text": "B"}]),
        "item_leads[1].items",
    ),
    ("mfis21", _set("instructions", "Over the past 4 weeks, how often ..."), "instructions"),
    ("mfis21", _lead(["1"]), "item_leads"),
    ("who5", _lead(["1"]), "item_leads"),
    ("nrs-pain", _set_scale("labels", {"0": "no pain", "5": "some"}), "labels"),
    ("nrs-pain", _set_scale("labels", {"0": "no pain", "10": ""}), "labels"),
    ("nrs-pain", _set_scale("about", " "), "about"),
]


@pytest.mark.parametrize(
    ("code", "mutate", "field"), BROKEN, ids=[f"{b[0]}-{b[2]}-{n}" for n, b in enumerate(BROKEN)]
)
def test_a_presentation_field_a_client_must_not_see_is_refused_naming_the_file_and_field(
    tmp_path: Path, code: str, mutate: Mutation, field: str
) -> None:
    source = DEFAULT_DEFINITIONS / f"{code}-1.0.json"
    data = copy.deepcopy(raw(source))
    mutate(data)
    (tmp_path / source.name).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_registry(tmp_path, content_directory=DEFAULT_CONTENT)
    assert caught.value.file == source.name
    if field in ("labels", "about"):
        assert caught.value.field == f"scoring.answer_scales.rating_0_10.{field}"
    else:
        assert caught.value.field == field


def test_a_content_pack_lead_naming_an_unknown_item_is_refused(tmp_path: Path) -> None:
    definitions, content = tmp_path / "definitions", tmp_path / "content"
    definitions.mkdir()
    content.mkdir()
    shutil.copy(DEFAULT_DEFINITIONS / "who5-1.0.json", definitions)
    pack = raw(DEFAULT_CONTENT / "who5-1.0.json")
    pack["item_leads"] = [{"items": ["1", "6"], "text": "Over the last two weeks:"}]
    (content / "who5-1.0.json").write_text(json.dumps(pack), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_registry(definitions, content_directory=content)
    assert (caught.value.file, caught.value.field) == ("who5-1.0.json", "item_leads[0].items")


def test_each_item_gets_the_lead_its_definition_or_content_pack_gives_it() -> None:
    for definition in default_registry().by_version.values():
        source = raw(DEFAULT_DEFINITIONS / definition.file)
        pack = DEFAULT_CONTENT / definition.file
        if source["licence"]["item_text"] == "content" and pack.exists():
            source = raw(pack)
        expected = {
            link: lead["text"] for lead in source.get("item_leads", []) for link in lead["items"]
        }
        assert dict(definition.item_leads) == expected, definition.key
        assert definition.instructions == source.get("instructions"), definition.key


def test_the_instruments_that_repeat_a_stem_with_each_item_have_it_on_every_item() -> None:
    for code in ("phq9", "phq8", "gad7", "dass21", "who5"):
        definition = get_definition(code)
        assert set(definition.item_leads) == set(definition.item_ids), code
        assert definition.spec.recall_phrase, code


def test_without_the_content_folder_a_content_pack_instrument_has_no_lead_or_instructions(
    tmp_path: Path,
) -> None:
    definitions = load_definitions(content_directory=tmp_path / "absent")
    for code in ("who5", "dass21", "fss", "pss10"):
        assert definitions[code].item_leads == {}
        assert definitions[code].instructions is None


def test_every_packaged_0_to_10_rating_has_both_anchors_and_says_what_it_rates() -> None:
    ratings = [
        (definition.key, name, scale)
        for definition in default_registry().by_version.values()
        for name, scale in definition.spec.scoring.answer_scales.items()
        if scale.integer and scale.min == 0 and scale.max == 10
    ]
    assert len(ratings) == 7  # the seven NRS instruments
    for key, name, scale in ratings:
        assert scale.labels is not None and set(scale.labels) == {"0", "10"}, (key, name)
        assert scale.about, (key, name)
