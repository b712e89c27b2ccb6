"""Checking and tidying CSL-JSON items (csl.normalise_item / normalise_items)."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.evidence.bibliography import BibliographyError, normalise_item, normalise_items
from msrelief.evidence.bibliography.csl import issued_year, tidy_given


def item(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "naderi2024", "type": "article-journal", "title": "A trial"}
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("MH", "M. H."),
        ("M.H.", "M. H."),
        ("M. H.", "M. H."),
        ("RRR", "R. R. R."),
        ("A", "A."),
        ("Jean-Paul", "Jean-Paul"),
        ("Kurt", "Kurt"),
        ("  Anna   Maria ", "Anna Maria"),
    ],
)
def test_pubmed_style_initials_are_spelled_out_one_by_one(given: str, expected: str) -> None:
    assert tidy_given(given) == expected


@pytest.mark.parametrize(
    ("changes", "field", "entry"),
    [
        ({"id": None}, "id", "#1 ('A trial')"),
        ({"id": "  "}, "id", "#1 ('A trial')"),
        ({"title": None}, "title", "naderi2024"),
        ({"title": ""}, "title", "naderi2024"),
        ({"type": None}, "type", "naderi2024"),
        ({"type": "journal-article"}, "type", "naderi2024"),
        ({"author": "Naderi A"}, "author", "naderi2024"),
        ({"author": [{"given": ""}]}, "author", "naderi2024"),
        ({"author": [{"family": 3}]}, "author", "naderi2024"),
        ({"issued": {"date-parts": [["spring"]]}}, "issued", "naderi2024"),
        ({"issued": "2024"}, "issued", "naderi2024"),
        ({"volume": ["20"]}, "volume", "naderi2024"),
    ],
)
def test_a_bad_item_raises_an_error_naming_its_entry_and_field(
    changes: dict[str, Any], field: str, entry: str
) -> None:
    with pytest.raises(BibliographyError) as caught:
        normalise_item(item(**changes))
    assert caught.value.field == field
    assert caught.value.entry == entry
    assert f"field {field!r}" in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"DOI": "https://doi.org/10.1155/2014/640916"}, "DOI", "10.1155/2014/640916"),
        ({"DOI": "doi: 10.1155/2014/640916"}, "DOI", "10.1155/2014/640916"),
        ({"page": "765\u2013770"}, "page", "765-770"),
        ({"page": "765--770"}, "page", "765-770"),
        ({"volume": 20}, "volume", "20"),
        ({"title": "  A   trial \n"}, "title", "A trial"),
        ({"id": 42}, "id", "42"),
        ({"issued": {"date-parts": [["2024", "5"]]}}, "issued", {"date-parts": [[2024, 5]]}),
        ({"issued": {"raw": "2024-05-08"}}, "issued", {"date-parts": [[2024, 5, 8]]}),
        ({"author": [{"literal": "et al."}]}, "author", [{"literal": "others"}]),
    ],
)
def test_fields_are_tidied_into_one_canonical_shape(
    changes: dict[str, Any], field: str, expected: Any
) -> None:
    assert normalise_item(item(**changes))[field] == expected


def test_empty_fields_are_dropped() -> None:
    tidy = normalise_item(item(volume="", note=None, author=[]))
    assert "volume" not in tidy
    assert "author" not in tidy


def test_keys_that_differ_only_in_case_are_refused_as_duplicates() -> None:
    with pytest.raises(BibliographyError, match="duplicate citation key") as caught:
        normalise_items([item(), item(id="Naderi2024")])
    assert caught.value.entry == "Naderi2024"


def test_the_year_of_issue_is_read_from_date_parts() -> None:
    assert issued_year(item(issued={"date-parts": [[2021, 6]]})) == 2021
    assert issued_year(item()) is None


def test_normalising_does_not_change_the_callers_item() -> None:
    original = item(author=[{"family": "Rezvani", "given": "MH"}])
    normalise_item(original)
    assert original["author"] == [{"family": "Rezvani", "given": "MH"}]


def test_bibliography_error_is_a_value_error() -> None:
    assert issubclass(BibliographyError, ValueError)


def test_a_raw_date_of_thousands_of_digits_is_refused_as_a_date_not_a_server_error() -> None:
    with pytest.raises(BibliographyError, match="a date needs date-parts or a literal"):
        normalise_item({"id": "a", "type": "book", "title": "A", "issued": {"raw": "2" * 5000}})


def test_date_parts_too_long_to_be_numbers_are_named_shortly() -> None:
    with pytest.raises(BibliographyError) as refused:
        normalise_item(
            {"id": "a", "type": "book", "title": "A", "issued": {"date-parts": [["2" * 5000]]}}
        )
    assert "are not whole numbers" in str(refused.value)
    assert len(str(refused.value)) < 200
