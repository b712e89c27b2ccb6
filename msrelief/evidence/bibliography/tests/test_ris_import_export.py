"""RIS import and export (ris.import_ris / export_ris)."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.evidence.bibliography import BibliographyError, export_ris, import_ris

from .samples import GIOVANNONI, NADERI

SCHROEDER_RIS = """TY  - JOUR
ID  - schroeder2014
AU  - Schroeder, B.
AU  - Doig, J.
AU  - Premkumar, K.
TI  - The effects of massage therapy on multiple sclerosis patients' quality of life
T2  - Evidence-Based Complementary and Alternative Medicine
J2  - Evid Based Complement Alternat Med
PY  - 2014
DA  - 2014/05/08/
VL  - 2014
SP  - 640916
DO  - 10.1155/2014/640916
UR  - https://doi.org/10.1155/2014/640916
N1  - Open access.
ER  -
"""


def test_a_ris_journal_record_becomes_a_csl_journal_article() -> None:
    [item] = import_ris(SCHROEDER_RIS)
    assert item == {
        "id": "schroeder2014",
        "type": "article-journal",
        "title": "The effects of massage therapy on multiple sclerosis patients' quality of life",
        "container-title": "Evidence-Based Complementary and Alternative Medicine",
        "container-title-short": "Evid Based Complement Alternat Med",
        "volume": "2014",
        "page": "640916",
        "DOI": "10.1155/2014/640916",
        "URL": "https://doi.org/10.1155/2014/640916",
        "note": "Open access.",
        "author": [
            {"family": "Schroeder", "given": "B."},
            {"family": "Doig", "given": "J."},
            {"family": "Premkumar", "given": "K."},
        ],
        "issued": {"date-parts": [[2014, 5, 8]]},
    }


@pytest.mark.parametrize(
    ("lines", "field", "expected"),
    [
        (["SP  - 765", "EP  - 770"], "page", "765-770"),
        (["SP  - 765-770"], "page", "765-770"),
        (["JO  - Brain"], "container-title", "Brain"),
        (["AU  - MS Society"], "author", [{"literal": "MS Society"}]),
        (["AU  - Bessonnette,"], "author", [{"family": "Bessonnette"}]),
        (["AU  - Smith, John, Jr."], "author",
         [{"family": "Smith", "given": "John", "suffix": "Jr."}]),
        (["AU  - Rezvani, MH", "AU  - others"], "author",
         [{"family": "Rezvani", "given": "M. H."}, {"literal": "others"}]),
        (["A2  - Editor, E."], "editor", [{"family": "Editor", "given": "E."}]),
        (["PY  - 2021///"], "issued", {"date-parts": [[2021]]}),
    ],
)  # fmt: skip
def test_ris_tags_are_read_into_csl_fields(lines: list[str], field: str, expected: Any) -> None:
    record = "\n".join(["TY  - JOUR", "ID  - k", "TI  - A title", *lines, "ER  - ", ""])
    [item] = import_ris(record)
    assert item[field] == expected


@pytest.mark.parametrize(
    ("code", "csl_type"),
    [
        ("JOUR", "article-journal"),
        ("EJOUR", "article-journal"),
        ("BOOK", "book"),
        ("CHAP", "chapter"),
        ("CONF", "paper-conference"),
        ("RPRT", "report"),
        ("THES", "thesis"),
        ("ELEC", "webpage"),
        ("UNPB", "article"),
        ("GEN", "document"),
        ("XYZ", "document"),
    ],
)
def test_ris_reference_types_map_to_csl_types(code: str, csl_type: str) -> None:
    [item] = import_ris(f"TY  - {code}\nID  - k\nTI  - T\nER  - \n")
    assert item["type"] == csl_type


@pytest.mark.parametrize(
    ("text", "entry", "field", "message"),
    [
        ("TY  - JOUR\nTI  - Untitled\nER  - \n", "#1 ('Untitled')", "ID", "no citation key"),
        ("TY  - JOUR\nID  - k1\nAU  - X, Y.\nER  - \n", "k1", "TI", "missing"),
        ("TY  - JOUR\nID  - k1\nTI  - A\n", "#1", "ER", "no 'ER  - ' end tag"),
        ("just some text\n", None, None, "no RIS records"),
        ("TY  - JOUR\nID  - k\nTI  - A\nER  - \nTY  - JOUR\nID  - K\nTI  - B\nER  - \n", "K", "id",
         "duplicate"),
    ],
)  # fmt: skip
def test_bad_ris_raises_an_error_naming_the_entry_and_field(
    text: str, entry: str | None, field: str | None, message: str
) -> None:
    with pytest.raises(BibliographyError, match=message) as caught:
        import_ris(text)
    assert caught.value.entry == entry
    assert caught.value.field == field


def test_keys_can_be_made_from_first_author_and_year_when_asked() -> None:
    record = "TY  - JOUR\nAU  - Müller, A.\nTI  - {title}\nPY  - 2020\nER  - \n"
    text = record.format(title="One") + record.format(title="Two")
    assert [item["id"] for item in import_ris(text, make_keys=True)] == [
        "muller2020",
        "muller2020b",
    ]


def test_export_writes_ris_tags_without_counter_lines() -> None:
    text = export_ris([NADERI])
    lines = text.splitlines()
    assert lines[0] == "TY  - JOUR"
    assert "ID  - naderi2024" in lines
    assert "AU  - Rezvani, M. H." in lines
    assert "T2  - Explore" in lines
    assert "J2  - Explore (NY)" in lines
    assert "SP  - 103032" in lines
    assert "DO  - 10.1016/j.explore.2024.103032" in lines
    assert "ER  - " in lines
    assert not any(line.rstrip(".").isdigit() for line in lines)


def test_an_incomplete_author_list_is_exported_with_others() -> None:
    assert "AU  - others" in export_ris([GIOVANNONI]).splitlines()


def test_a_csl_type_without_a_ris_code_is_kept_in_the_type_of_work_tag() -> None:
    item = {"id": "k", "type": "post-weblog", "title": "A post"}
    text = export_ris([item])
    assert "TY  - GEN" in text
    assert "M3  - post-weblog" in text
    assert import_ris(text)[0]["type"] == "post-weblog"


def test_a_continued_line_before_any_tag_of_its_record_stays_in_that_record() -> None:
    # rispy carried the last tag (ID) over from the record before and raised KeyError here.
    text = (
        "TY  - JOUR\nID  - a\nTI  - First\nER  - \nTY  - JOUR\nmore\nTI  - Second\nID  - b\nER  - "
    )
    items = import_ris(text)
    assert [(item["id"], item["title"]) for item in items] == [("a", "First"), ("b", "Second")]


@pytest.mark.parametrize(
    ("date", "parts"),
    [
        ("2014/05/08/", [2014, 5, 8]),
        ("2014//", [2014]),
        ("2014//15", [2014]),  # the day is not read as a month
        ("2014/²/01", [2014]),  # "²" is a digit to str.isdigit(), not to int()
    ],
)
def test_a_ris_date_is_read_up_to_its_first_piece_that_is_not_a_number(date, parts) -> None:
    (item,) = import_ris(f"TY  - JOUR\nID  - a2014\nTI  - A\nDA  - {date}\nER  - \n")
    assert item["issued"] == {"date-parts": [parts]}


def test_a_ris_year_of_thousands_of_digits_is_no_date_rather_than_a_server_error() -> None:
    (item,) = import_ris(f"TY  - JOUR\nID  - a2014\nTI  - A\nPY  - {'9' * 5000}\nER  - \n")
    assert "issued" not in item
