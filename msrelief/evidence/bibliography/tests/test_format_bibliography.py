"""Reference lists in Harvard (Cite Them Right), APA 7 and Vancouver (NLM), checked by hand.

Expected strings were written from the style guides: Cite Them Right 12th ed. (journal article:
Author, A. (Year) 'Title', Journal, Volume(Issue), pp. x-y. Available at: DOI), APA 7th ed. §10.1
and NLM Citing Medicine 2nd ed., chapter 1 (journal articles).
"""

from __future__ import annotations

import pytest

from msrelief.evidence.bibliography import BibliographyError, format_bibliography

from .samples import DUARTE, GIOVANNONI, MANUAL_THERAPY, NADERI, SANTOS_FILHO, SCHROEDER

NADERI_TITLE = (
    "Can a six-week Swedish massage reduce mood disorders and enhance the quality of life in "
    "individuals with multiple sclerosis? A randomized control clinical trial"
)
SCHROEDER_TITLE = (
    "The effects of massage therapy on multiple sclerosis patients\u2019 quality of life and leg "
    "function"
)
DUARTE_TITLE = "Ancient viral DNA in the human genome linked to neurodegenerative diseases"

HARVARD = [
    f"Naderi, A. et al. (2024) \u2018{NADERI_TITLE}\u2019, Explore, 20(5), p. 103032. "
    "Available at: https://doi.org/10.1016/j.explore.2024.103032.",
    f"Schroeder, B., Doig, J. and Premkumar, K. (2014) \u2018{SCHROEDER_TITLE}\u2019, "
    "Evidence-Based Complementary and Alternative Medicine, 2014, p. 640916. "
    "Available at: https://doi.org/10.1155/2014/640916.",
    f"Duarte, R.R.R., Nixon, D.F. and Powell, T.R. (2024) \u2018{DUARTE_TITLE}\u2019, "
    "Brain, Behavior, and Immunity, 123, pp. 765\u2013770.",
    "Giovannoni, G. et al. (2022) \u2018Smouldering multiple sclerosis: the \u201creal MS\u201d"
    "\u2019, Therapeutic Advances in Neurological Disorders, 15, pp. 1\u201318.",
]
APA = [
    "Naderi, A., Rezvani, M. H., Aminian-Far, A., & Hamood-Ahvazi, S. (2024). "
    f"{NADERI_TITLE}. Explore, 20(5), 103032. https://doi.org/10.1016/j.explore.2024.103032",
    f"Schroeder, B., Doig, J., & Premkumar, K. (2014). {SCHROEDER_TITLE}. Evidence-Based "
    "Complementary and Alternative Medicine, 2014, 640916. https://doi.org/10.1155/2014/640916",
    f"Duarte, R. R. R., Nixon, D. F., & Powell, T. R. (2024). {DUARTE_TITLE}. "
    "Brain, Behavior, and Immunity, 123, 765\u2013770.",
    "Giovannoni, G., Popescu, V., Wuerfel, J., et al. (2022). Smouldering multiple sclerosis: "
    "the \u2018real MS\u2019. Therapeutic Advances in Neurological Disorders, 15, 1\u201318.",
]
VANCOUVER = [
    f"Naderi A, Rezvani MH, Aminian-Far A, Hamood-Ahvazi S. {NADERI_TITLE}. Explore (NY). "
    "2024;20(5):103032. doi:10.1016/j.explore.2024.103032 PubMed PMID: 39018656.",
    f"Schroeder B, Doig J, Premkumar K. {SCHROEDER_TITLE}. Evid Based Complement Alternat Med. "
    "2014;2014:640916. doi:10.1155/2014/640916",
    f"Duarte RRR, Nixon DF, Powell TR. {DUARTE_TITLE}. Brain Behav Immun. 2024;123:765\u201370.",
    "Giovannoni G, Popescu V, Wuerfel J, et al. Smouldering multiple sclerosis: the \u2018real "
    "MS\u2019. Ther Adv Neurol Disord. 2022;15:1\u201318.",
]
SAMPLES = [NADERI, SCHROEDER, DUARTE, GIOVANNONI]


@pytest.mark.parametrize(
    ("style", "expected"),
    [("harvard", HARVARD), ("apa", APA)],
)
def test_author_date_reference_lists_match_the_style_guides(
    style: str, expected: list[str]
) -> None:
    assert format_bibliography(SAMPLES, style) == sorted(expected)


def test_vancouver_numbers_references_in_the_order_given() -> None:
    expected = [f"{number}. {text}" for number, text in enumerate(VANCOUVER, start=1)]
    assert format_bibliography(SAMPLES, "vancouver") == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "harvard",
            "Duarte, R.R.R., Nixon, D.F. and Powell, T.R. (2024) \u2018Ancient viral DNA in the "
            "human genome linked to neurodegenerative diseases\u2019, <i>Brain, Behavior, and "
            "Immunity</i>, 123, pp. 765\u2013770.",
        ),
        (
            "apa",
            "Duarte, R. R. R., Nixon, D. F., &amp; Powell, T. R. (2024). Ancient viral DNA in the "
            "human genome linked to neurodegenerative diseases. <i>Brain, Behavior, and "
            "Immunity</i>, <i>123</i>, 765\u2013770.",
        ),
        (
            "vancouver",
            "1. Duarte RRR, Nixon DF, Powell TR. Ancient viral DNA in the human genome linked to "
            "neurodegenerative diseases. Brain Behav Immun. 2024;123:765\u201370.",
        ),
    ],
)
def test_html_output_puts_journal_titles_in_italics_where_the_style_does(
    style: str, expected: str
) -> None:
    assert format_bibliography([DUARTE], style, "html") == [expected]


@pytest.mark.parametrize(
    ("style", "link"),
    [
        (
            "harvard",
            '<a href="https://doi.org/10.1155/2014/640916" rel="noopener noreferrer">'
            "https://doi.org/10.1155/2014/640916</a>.",
        ),
        (
            "apa",
            '<a href="https://doi.org/10.1155/2014/640916" rel="noopener noreferrer">'
            "https://doi.org/10.1155/2014/640916</a>",
        ),
        (
            "vancouver",
            '<a href="https://doi.org/10.1155/2014/640916" rel="noopener noreferrer">'
            "doi:10.1155/2014/640916</a>",
        ),
    ],
)
def test_html_output_links_the_doi(style: str, link: str) -> None:
    [entry] = format_bibliography([SCHROEDER], style, "html")
    assert entry.endswith(link)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "harvard",
            "Journal of Integrative and Complementary Medicine (2022) \u2018The efficacy and "
            "safety of manual therapy for symptoms associated with multiple sclerosis: a "
            "systematic review and meta-analysis\u2019, 28(10), pp. 780\u2013790. Available at: "
            "https://doi.org/10.1089/jicm.2021.0382.",
        ),
        (
            "apa",
            "The efficacy and safety of manual therapy for symptoms associated with multiple "
            "sclerosis: a systematic review and meta-analysis. (2022). Journal of Integrative "
            "and Complementary Medicine, 28(10), 780\u2013790. https://doi.org/10.1089/jicm.2021.0382",
        ),
        (
            "vancouver",
            "1. The efficacy and safety of manual therapy for symptoms associated with multiple "
            "sclerosis: a systematic review and meta-analysis. J Integr Complement Med. "
            "2022 Oct;28(10):780\u201390. doi:10.1089/jicm.2021.0382",
        ),
    ],
)
def test_a_work_without_authors_names_its_substitute_only_once(style: str, expected: str) -> None:
    assert format_bibliography([MANUAL_THERAPY], style) == [expected]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "harvard",
            "Santos-Filho, S.D. (2019) \u2018Physical therapy in multiple sclerosis: a new "
            "strategy of treatment\u2019. ResearchGate.",
        ),
        (
            "apa",
            "Santos-Filho, S. D. (2019). Physical therapy in multiple sclerosis: a new strategy of "
            "treatment. ResearchGate.",
        ),
        (
            "vancouver",
            "1. Santos-Filho SD. Physical therapy in multiple sclerosis: a new strategy of "
            "treatment. ResearchGate; 2019.",
        ),
    ],
)
def test_an_unpublished_article_is_listed_with_its_host(style: str, expected: str) -> None:
    assert format_bibliography([SANTOS_FILHO], style) == [expected]


def test_an_unknown_style_is_refused_with_the_choices() -> None:
    with pytest.raises(BibliographyError, match="harvard, apa, vancouver") as caught:
        format_bibliography([NADERI], "chicago")
    assert caught.value.field == "style"


def test_an_unknown_output_format_is_refused() -> None:
    with pytest.raises(BibliographyError) as caught:
        format_bibliography([NADERI], "apa", "rtf")
    assert caught.value.field == "fmt"


def test_style_names_ignore_letter_case() -> None:
    assert format_bibliography([DUARTE], "Harvard") == format_bibliography([DUARTE], "harvard")


def test_an_empty_list_has_an_empty_bibliography() -> None:
    assert format_bibliography([], "apa") == []
