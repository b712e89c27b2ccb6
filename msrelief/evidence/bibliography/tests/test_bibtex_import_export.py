"""BibTeX import and export (bibtex.import_bibtex / export_bibtex)."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.evidence.bibliography import BibliographyError, export_bibtex, import_bibtex

from .samples import GIOVANNONI, NADERI, SANTOS_FILHO

NADERI_BIBTEX = r"""
@article{naderi2024,
  author  = {Naderi, A. and Rezvani, MH and Aminian-Far, A. and Hamood-Ahvazi, S.},
  title   = {Can a six-week {Swedish} massage reduce mood disorders?},
  journal = {Explore},
  shortjournal = {Explore (NY)},
  year    = 2024,
  month   = may,
  volume  = {20},
  number  = {5},
  pages   = {103032},
  doi     = {https://doi.org/10.1016/j.explore.2024.103032},
  pmid    = {39018656},
}
"""


def test_a_bibtex_article_becomes_a_csl_journal_article() -> None:
    [item] = import_bibtex(NADERI_BIBTEX)
    assert item == {
        "id": "naderi2024",
        "type": "article-journal",
        "title": "Can a six-week Swedish massage reduce mood disorders?",
        "container-title": "Explore",
        "container-title-short": "Explore (NY)",
        "volume": "20",
        "issue": "5",
        "page": "103032",
        "DOI": "10.1016/j.explore.2024.103032",
        "PMID": "39018656",
        "author": [
            {"family": "Naderi", "given": "A."},
            {"family": "Rezvani", "given": "M. H."},
            {"family": "Aminian-Far", "given": "A."},
            {"family": "Hamood-Ahvazi", "given": "S."},
        ],
        "issued": {"date-parts": [[2024, 5]]},
    }


@pytest.mark.parametrize(
    ("field_line", "field", "expected"),
    [
        (r"title = {Caf{\'e} \& massage: 15% of {MS}}", "title", "Café & massage: 15% of MS"),
        ("title = {A}, pages = {765--770}", "page", "765-770"),
        ("title = {A}, url = {http://x.org/a\\_b}", "URL", "http://x.org/a_b"),
        ("title = {A}, journaltitle = {Brain}", "container-title", "Brain"),
        ("title = {A}, date = {2014-05-08}", "issued", {"date-parts": [[2014, 5, 8]]}),
        ("title = {A}, year = {in press}", "issued", {"literal": "in press"}),
        ("title = {A}, author = {{MS Society}}", "author", [{"literal": "MS Society"}]),
        ("title = {A}, author = {X, Y. and others}", "author", [{"family": "X", "given": "Y."},
                                                              {"literal": "others"}]),
        ("title = {A}, author = {van der Berg, Jean}", "author",
         [{"family": "van der Berg", "given": "Jean"}]),
        ("title = {A}, author = {Smith, Jr., John}", "author",
         [{"family": "Smith", "given": "John", "suffix": "Jr."}]),
    ],
)  # fmt: skip
def test_bibtex_fields_are_decoded_into_csl_fields(
    field_line: str, field: str, expected: Any
) -> None:
    [item] = import_bibtex("@article{k, " + field_line + "}")
    assert item[field] == expected


@pytest.mark.parametrize(
    ("entry_type", "extra", "csl_type"),
    [
        ("article", "", "article-journal"),
        ("book", "", "book"),
        ("incollection", "", "chapter"),
        ("inproceedings", "", "paper-conference"),
        ("techreport", "", "report"),
        ("phdthesis", "", "thesis"),
        ("mastersthesis", "", "thesis"),
        ("online", "", "webpage"),
        ("misc", "", "document"),
        ("misc", ", entrysubtype = {article}", "article"),
        ("somethingelse", "", "document"),
    ],
)
def test_bibtex_entry_types_map_to_csl_types(entry_type: str, extra: str, csl_type: str) -> None:
    [item] = import_bibtex(f"@{entry_type}{{k, title = {{A}}{extra}}}")
    assert item["type"] == csl_type


@pytest.mark.parametrize(
    ("text", "entry", "field", "message"),
    [
        ("@article{k1, author = {X, Y.}}", "k1", "title", "missing"),
        ("@article{, title = {No key}}", "#1 ('No key')", "key", "no citation key"),
        ("@article{k1, title = {A}}\n@article{k1, title = {B}}", "k1", None, "Duplicate"),
        ("@article{k1, title = {A\n@misc{k2, title = {B}}", None, None, "could not be parsed"),
        ("this is not bibtex", None, None, "no BibTeX entries"),
    ],
)
def test_bad_bibtex_raises_an_error_naming_the_entry_and_field(
    text: str, entry: str | None, field: str | None, message: str
) -> None:
    with pytest.raises(BibliographyError, match=message) as caught:
        import_bibtex(text)
    assert caught.value.entry == entry
    assert caught.value.field == field


def test_empty_bibtex_text_holds_no_items() -> None:
    assert import_bibtex("  \n% just a comment\n") == []


def test_export_writes_one_entry_per_item_with_escaped_latex() -> None:
    text = export_bibtex([NADERI, {**SANTOS_FILHO, "title": "Massage & 100% care_plans"}])
    assert "@article{naderi2024," in text
    assert "author = {Naderi, A. and Rezvani, M. H. and Aminian-Far, A. and" in text
    assert "pages = {103032}" in text
    assert "doi = {10.1016/j.explore.2024.103032}" in text
    assert "@misc{santosfilho2019," in text
    assert "entrysubtype = {article}" in text
    assert r"title = {Massage \& 100\% care\_plans}" in text


def test_an_incomplete_author_list_is_exported_with_and_others() -> None:
    assert "Wuerfel, J. and others}" in export_bibtex([GIOVANNONI])


def test_a_lone_multi_word_family_name_is_braced_on_export() -> None:
    item = {"id": "k", "type": "book", "title": "T", "author": [{"family": "Samiei Siboni"}]}
    assert "author = {{Samiei Siboni}}" in export_bibtex([item])


def test_export_refuses_an_item_without_a_title() -> None:
    with pytest.raises(BibliographyError) as caught:
        export_bibtex([{"id": "k", "type": "book"}])
    assert (caught.value.entry, caught.value.field) == ("k", "title")


def test_braces_nested_deeper_than_the_limit_are_refused_naming_the_line() -> None:
    text = "% refs\n@article{k, title={" + "{" * 5000 + "x" + "}" * 5000 + "}}"
    with pytest.raises(BibliographyError, match=r"^line 2: braces are nested more than 32 levels"):
        import_bibtex(text)


def test_latex_environments_nested_too_deeply_are_refused_naming_entry_and_field() -> None:
    nested = r"\begin{a}" * 1000 + "x" + r"\end{a}" * 1000
    with pytest.raises(BibliographyError, match=r"^entry 'k', field 'author': .* nested too deep"):
        import_bibtex("@article{k, title={T}, author={" + nested + "}}")


def test_a_field_over_the_length_limit_is_refused_before_its_latex_is_decoded() -> None:
    with pytest.raises(
        BibliographyError,
        match=r"^entry 'k', field 'abstract': is 500,000 characters long; the limit is 20,000",
    ):
        import_bibtex("@article{k, title={T}, abstract={" + "a " * 250_000 + "}}")


@pytest.mark.parametrize("month", ["²", "1" * 5000, "13"])
def test_a_bibtex_month_that_is_not_one_to_twelve_is_left_out(month: str) -> None:
    (item,) = import_bibtex(f"@article{{a2020, title={{A}}, year={{2020}}, month={{{month}}}}}")
    assert item["issued"] == {"date-parts": [[2020]]}
