"""The citeproc-py quirks worked around in render.py and styles.py, one test each."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.evidence.bibliography import format_bibliography, format_citation
from msrelief.evidence.bibliography.render import collapse_numbers, smart_quotes

from .samples import DUARTE, MANUAL_THERAPY, NADERI


def article(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "k",
        "type": "article-journal",
        "title": "A pilot study",
        "author": [{"family": "Backus", "given": "D."}],
        "container-title": "International Journal of Therapeutic Massage & Bodywork",
        "issued": {"date-parts": [[2016]]},
    }
    base.update(changes)
    return base


def test_a_journal_article_without_volume_is_not_labelled_a_preprint() -> None:
    [entry] = format_bibliography([article()], "harvard")
    assert "Preprint" not in entry
    assert entry == (
        "Backus, D. (2016) \u2018A pilot study\u2019, International Journal of Therapeutic "
        "Massage & Bodywork."
    )


def test_vancouver_entries_have_a_space_after_the_number() -> None:
    assert format_bibliography([DUARTE], "vancouver")[0].startswith("1. Duarte RRR")


@pytest.mark.parametrize(
    ("page", "expected"),
    [("1-18", "2022;15:1\u201318."), ("765-770", "2022;15:765\u201370."),
     ("1126-1136", "2022;15:1126\u201336."), ("98-102", "2022;15:98\u2013102.")],
)  # fmt: skip
def test_nlm_page_ranges_shorten_only_numbers_of_equal_length(page: str, expected: str) -> None:
    item = article(volume="15", page=page, issued={"date-parts": [[2022]]})
    assert format_bibliography([item], "vancouver")[0].endswith(expected)


def test_nlm_dates_keep_the_space_between_year_and_month() -> None:
    assert "2022 Oct;28(10)" in format_bibliography([MANUAL_THERAPY], "vancouver")[0]


def test_author_date_lists_sort_an_authorless_work_by_its_substitute_in_html() -> None:
    keys = ["Duarte", "Journal of Integrative", "Naderi"]
    for fmt in ("text", "html"):
        entries = format_bibliography([NADERI, MANUAL_THERAPY, DUARTE], "harvard", fmt)
        starts = [
            entry.replace("<i>", "")[: len(key)] for entry, key in zip(entries, keys, strict=True)
        ]
        assert starts == keys


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("harvard", "Backus, D. et al. (2016)"),
        ("apa", "Backus, D., et al. (2016)."),
        ("vancouver", "1. Backus D, et al. A pilot study."),
    ],
)
def test_an_incomplete_author_list_ends_in_et_al(style: str, expected: str) -> None:
    item = article(author=[{"family": "Backus", "given": "D."}, {"literal": "others"}])
    assert format_bibliography([item], style)[0].startswith(expected)


@pytest.mark.parametrize(
    ("text", "inner", "expected"),
    [
        ("patients' quality", ("\u2018", "\u2019"), "patients\u2019 quality"),
        ("Alzheimer's disease", ("\u2018", "\u2019"), "Alzheimer\u2019s disease"),
        ("the 'real MS'", ("\u201c", "\u201d"), "the \u201creal MS\u201d"),
        ("the 'real MS'", ("\u2018", "\u2019"), "the \u2018real MS\u2019"),
        ('a "quoted" word', ("\u2018", "\u2019"), "a \u2018quoted\u2019 word"),
    ],
)
def test_straight_quotes_become_typographic(
    text: str, inner: tuple[str, str], expected: str
) -> None:
    assert smart_quotes(text, inner) == expected


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [("1,2", "1,2"), ("1,2,3", "1\u20133"), ("1,3,4,5,7", "1,3\u20135,7"), ("2,4", "2,4")],
)
def test_runs_of_three_citation_numbers_collapse_to_a_range(numbers: str, expected: str) -> None:
    assert collapse_numbers(numbers) == expected


def test_rendering_twice_gives_the_same_text() -> None:
    first = format_citation([NADERI, DUARTE], ["duarte2024"], "vancouver")
    assert first == format_citation([NADERI, DUARTE], ["duarte2024"], "vancouver") == "(2)"


def test_html_output_escapes_markup_in_titles() -> None:
    [entry] = format_bibliography(
        [article(title="<script>alert(1)</script> & more")], "apa", "html"
    )
    assert "<script>" not in entry
    assert "&lt;script&gt;" in entry


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", "Backus, D. (2016). Is massage useful? International Journal"),
        ("vancouver", "1. Backus D. Is massage useful? International Journal"),
    ],
)
def test_a_title_ending_in_a_question_mark_gets_no_extra_full_stop(
    style: str, expected: str
) -> None:
    [entry] = format_bibliography([article(title="Is massage useful?")], style)
    assert entry.startswith(expected)


def test_a_journal_article_with_no_author_or_journal_is_listed_under_its_title() -> None:
    item = article(author=[], title="Six weeks of massage", URL="https://example.org/a")
    del item["container-title"]
    [entry] = format_bibliography([item], "harvard")
    assert entry == (
        "\u2018Six weeks of massage\u2019 (2016). Available at: https://example.org/a."
    )
