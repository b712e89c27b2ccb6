"""Markdown with [@key] citations rendered to safe HTML (render_markdown_with_citations)."""

from __future__ import annotations

import pytest

from msrelief.evidence.bibliography import (
    BibliographyError,
    find_citations,
    render_markdown_with_citations,
)

from .samples import DUARTE, GIOVANNONI, NADERI, SCHROEDER

ITEMS = [NADERI, SCHROEDER, DUARTE, GIOVANNONI]
TEXT = """Massage is symptom care [@naderi2024].

Two more [@schroeder2014; @duarte2024], then the first again [@naderi2024].
"""


def test_vancouver_numbers_citations_in_order_of_first_appearance() -> None:
    html = render_markdown_with_citations(TEXT, ITEMS, "vancouver")
    assert '<span class="citation" data-cites="naderi2024">(1)</span>' in html
    assert '<span class="citation" data-cites="schroeder2014 duarte2024">(2,3)</span>' in html
    assert html.count("(1)</span>") == 2
    assert '<ol class="references"><li id="ref-naderi2024">Naderi A, Rezvani MH' in html
    assert '<li id="ref-schroeder2014">Schroeder B,' in html
    assert html.index("ref-schroeder2014") < html.index("ref-duarte2024")


def test_author_date_citations_and_an_alphabetical_list_in_harvard() -> None:
    html = render_markdown_with_citations(TEXT, ITEMS, "harvard")
    assert '<span class="citation" data-cites="naderi2024">(Naderi <i>et al.</i>, 2024)' in html
    assert "(Schroeder, Doig and Premkumar, 2014; Duarte, Nixon and Powell, 2024)</span>" in html
    assert '<ul class="references"><li id="ref-duarte2024">Duarte, R.R.R.' in html
    assert html.index("ref-duarte2024") < html.index("ref-naderi2024")


def test_only_cited_works_are_listed() -> None:
    html = render_markdown_with_citations("One [@duarte2024].", ITEMS, "apa")
    assert 'id="ref-duarte2024"' in html
    assert "Naderi" not in html


def test_the_reference_list_is_an_accessible_section_with_a_heading() -> None:
    html = render_markdown_with_citations(
        "One [@duarte2024].", ITEMS, "apa", heading="Reference list", heading_level=3
    )
    assert (
        '<section class="references" aria-labelledby="references-heading">'
        '<h3 id="references-heading">Reference list</h3>'
    ) in html


def test_text_without_citations_gets_no_reference_list() -> None:
    html = render_markdown_with_citations("Plain *text*.", ITEMS, "apa")
    assert html == "<p>Plain <em>text</em>.</p>"


def test_citations_inside_code_are_left_alone() -> None:
    text = "Write `[@naderi2024]` to cite.\n\n    [@duarte2024]\n"
    html = render_markdown_with_citations(text, ITEMS, "apa")
    assert "<code>[@naderi2024]</code>" in html
    assert "[@duarte2024]" in html
    assert "references" not in html


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("<p>a [@x] b [@y; @z2020]</p>", [["x"], ["y", "z2020"]]),
        ("<p>[@jrrs_isfahan_8wk_massage].</p>", [["jrrs_isfahan_8wk_massage"]]),
        ("<p>[ @a ;@b ]</p>", [["a", "b"]]),
        ("<p>mail me@x.org [not a cite] [@]</p>", []),
        ("<p><code>[@a]</code> [@b]</p>", [["b"]]),
    ],
)
def test_citation_keys_are_found_outside_code(text: str, groups: list[list[str]]) -> None:
    assert find_citations(text) == groups


def test_an_unknown_key_raises_an_error_naming_it() -> None:
    with pytest.raises(BibliographyError, match="nobody2020") as caught:
        render_markdown_with_citations("See [@naderi2024; @nobody2020].", ITEMS, "apa")
    assert caught.value.entry == "nobody2020"
    assert caught.value.field == "citation key"


def test_unknown_keys_can_be_marked_visibly_instead() -> None:
    html = render_markdown_with_citations(
        "See [@naderi2024; @nobody2020] and [@ghost].", ITEMS, "apa", unknown="mark"
    )
    assert "(Naderi et al., 2024)</span> [unknown reference: nobody2020]" in html
    assert "and [unknown reference: ghost]." in html
    assert 'id="ref-naderi2024"' in html


def test_raw_html_in_the_markdown_is_sanitised() -> None:
    text = 'Hi <script>alert(1)</script><a href="javascript:x()">link</a> [@naderi2024]'
    html = render_markdown_with_citations(text, ITEMS, "apa")
    assert "<script" not in html
    assert "javascript:" not in html


def test_markdown_formatting_is_kept() -> None:
    html = render_markdown_with_citations("# Title\n\n- a [@duarte2024]\n- b", ITEMS, "apa")
    assert html.startswith("<h1>Title</h1>\n<ul>\n<li>a <span")


@pytest.mark.parametrize("level", [1, 5])
def test_a_heading_level_outside_two_to_four_is_refused(level: int) -> None:
    with pytest.raises(BibliographyError) as caught:
        render_markdown_with_citations("x", ITEMS, "apa", heading_level=level)
    assert caught.value.field == "heading_level"
