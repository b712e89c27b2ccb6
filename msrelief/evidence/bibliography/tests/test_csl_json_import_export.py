"""CSL-JSON import and export, and the format-by-name helpers."""

from __future__ import annotations

import json

import pytest

from msrelief.evidence.bibliography import (
    FORMATS,
    BibliographyError,
    export_csl_json,
    export_references,
    import_csl_json,
    import_references,
)

from .samples import ALL, NADERI


def test_csl_json_reads_a_list_of_items() -> None:
    items = import_csl_json(json.dumps(ALL))
    assert [item["id"] for item in items] == [item["id"] for item in ALL]
    assert items[0] == NADERI


def test_csl_json_reads_a_single_item_object() -> None:
    assert import_csl_json(json.dumps(NADERI)) == [NADERI]


def test_csl_json_export_is_a_json_list_that_reads_back_the_same() -> None:
    text = export_csl_json(ALL)
    assert json.loads(text)[0]["id"] == "naderi2024"
    assert import_csl_json(text) == import_csl_json(json.dumps(ALL))


def test_csl_json_export_keeps_non_ascii_text_readable() -> None:
    item = {"id": "k", "type": "book", "title": "M\u00fcller\u2019s book"}
    assert "M\u00fcller\u2019s book" in export_csl_json([item])


@pytest.mark.parametrize(
    ("text", "entry", "field", "message"),
    [
        ('[{"id": "k", "type": "book"', None, None, "not valid JSON \\(line 1"),
        ('"just text"', None, None, "must be a list"),
        ('[{"type": "book", "title": "T"}]', "#1 ('T')", "id", "missing"),
        ('[{"id": "k", "type": "book"}]', "k", "title", "missing"),
        ('[{"id": "k", "title": "T"}]', "k", "type", "missing"),
        ('[{"id": "k", "type": "paper", "title": "T"}]', "k", "type", "not a CSL item type"),
        ("[1]", "#1", None, "JSON object"),
    ],
)
def test_bad_csl_json_raises_an_error_naming_the_entry_and_field(
    text: str, entry: str | None, field: str | None, message: str
) -> None:
    with pytest.raises(BibliographyError, match=message) as caught:
        import_csl_json(text)
    assert caught.value.entry == entry
    assert caught.value.field == field


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_and_export_can_be_chosen_by_format_name(fmt: str) -> None:
    assert import_references(export_references([NADERI], fmt), fmt)[0]["id"] == "naderi2024"


def test_an_unknown_format_name_is_refused() -> None:
    with pytest.raises(BibliographyError, match="unknown format 'endnote'"):
        import_references("", "endnote")
    with pytest.raises(BibliographyError, match="unknown format 'xml'"):
        export_references([NADERI], "xml")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000 + "]" * 5000,
        '[{"id": "a", "type": "book", "author": ' + "[" * 70 + "]" * 70 + "}]",
    ],
    ids=["whole-file", "inside-an-item"],
)
def test_json_nested_deeper_than_the_limit_is_refused_naming_the_limit(text: str) -> None:
    with pytest.raises(BibliographyError, match="nested more than 64 levels deep"):
        import_csl_json(text)
