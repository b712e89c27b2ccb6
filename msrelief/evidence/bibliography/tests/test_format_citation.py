"""In-text citations and single references (format_citation, format_reference)."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.evidence.bibliography import (
    BibliographyError,
    format_bibliography,
    format_citation,
    format_reference,
)

from .samples import DUARTE, GIOVANNONI, MANUAL_THERAPY, NADERI, SCHROEDER

ITEMS = [NADERI, SCHROEDER, DUARTE, GIOVANNONI, MANUAL_THERAPY]


@pytest.mark.parametrize(
    ("style", "keys", "expected"),
    [
        ("harvard", ["naderi2024"], "(Naderi et al., 2024)"),
        ("harvard", ["schroeder2014"], "(Schroeder, Doig and Premkumar, 2014)"),
        ("harvard", ["giovannoni2022"], "(Giovannoni et al., 2022)"),
        ("harvard", ["duarte2024", "schroeder2014"],
         "(Schroeder, Doig and Premkumar, 2014; Duarte, Nixon and Powell, 2024)"),
        ("apa", ["naderi2024"], "(Naderi et al., 2024)"),
        ("apa", ["schroeder2014"], "(Schroeder et al., 2014)"),
        ("apa", ["duarte2024", "schroeder2014"], "(Duarte et al., 2024; Schroeder et al., 2014)"),
        ("vancouver", ["naderi2024"], "(1)"),
        ("vancouver", ["duarte2024"], "(3)"),
        ("vancouver", ["schroeder2014", "naderi2024"], "(1,2)"),
        ("vancouver", ["giovannoni2022", "duarte2024", "schroeder2014", "jicm2022"], "(2\u20135)"),
        ("vancouver", ["naderi2024", "duarte2024", "giovannoni2022", "jicm2022"], "(1,3\u20135)"),
    ],
)  # fmt: skip
def test_in_text_citations_follow_the_style(style: str, keys: list[str], expected: str) -> None:
    assert format_citation(ITEMS, keys, style) == expected


def test_html_citations_keep_the_italic_et_al_of_cite_them_right() -> None:
    assert format_citation(ITEMS, ["naderi2024"], "harvard", "html") == (
        "(Naderi <i>et al.</i>, 2024)"
    )


@pytest.mark.parametrize("style", ["harvard", "apa"])
def test_same_author_and_year_get_letters_in_author_date_styles(style: str) -> None:
    # Letters follow the reference list, which sorts "A second trial" before "Can a six-week".
    other = {**NADERI, "id": "naderi2024b", "title": "A second trial", "DOI": "10.1/x"}
    items = [NADERI, other]
    assert format_citation(items, ["naderi2024"], style) == "(Naderi et al., 2024b)"
    assert format_citation(items, ["naderi2024b"], style) == "(Naderi et al., 2024a)"
    first, second = format_bibliography(items, style)
    assert "(2024a)" in first and "A second trial" in first
    assert "(2024b)" in second and "Can a six-week" in second


def test_different_authors_in_the_same_year_get_no_letters() -> None:
    assert "2024a" not in format_citation(ITEMS, ["naderi2024", "duarte2024"], "apa")


@pytest.mark.parametrize("keys", [["nobody2020"], ["naderi2024", "nobody2020"]])
def test_an_unknown_key_raises_an_error_naming_it(keys: list[str]) -> None:
    with pytest.raises(BibliographyError, match="nobody2020") as caught:
        format_citation(ITEMS, keys, "apa")
    assert caught.value.entry == "nobody2020"


@pytest.mark.parametrize("keys", [[], "naderi2024"])
def test_keys_must_be_a_non_empty_list(keys: Any) -> None:
    with pytest.raises(BibliographyError):
        format_citation(ITEMS, keys, "apa")


def test_citation_keys_are_matched_without_regard_to_case() -> None:
    assert format_citation(ITEMS, ["Naderi2024"], "apa") == "(Naderi et al., 2024)"


@pytest.mark.parametrize(
    ("style", "start"),
    [
        ("harvard", "Naderi, A. et al. (2024) \u2018Can a six-week"),
        ("apa", "Naderi, A., Rezvani, M. H., Aminian-Far, A., & Hamood-Ahvazi, S. (2024)."),
        ("vancouver", "Naderi A, Rezvani MH, Aminian-Far A, Hamood-Ahvazi S. Can a six-week"),
    ],
)
def test_a_single_reference_has_no_list_number(style: str, start: str) -> None:
    assert format_reference(NADERI, style).startswith(start)


def test_a_single_reference_can_be_html() -> None:
    html = format_reference(DUARTE, "apa", fmt="html")
    assert "<i>Brain, Behavior, and Immunity</i>" in html
