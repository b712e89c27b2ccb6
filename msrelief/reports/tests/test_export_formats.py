"""The long and wide exports and the data dictionary (reports/exports/formats.py): labelled
from the presentation contract, the clinic's current responses only, bounded queries."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msrelief.instruments import services as measures
from msrelief.reports.exports import records as records_module
from msrelief.reports.exports.formats import (
    DICTIONARY_COLUMNS,
    LONG_COLUMNS,
    csv_chunks,
    row_count,
    rows_of,
)
from msrelief.reports.exports.records import plan_export
from msrelief.reports.tests.helpers import FIRST_DAY, enter_phq9, phq9
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db


def exported(clinic: Any, form: str) -> list[dict[str, str]]:
    text = "".join(csv_chunks(rows_of(plan_export(clinic), form)))
    return list(csv.DictReader(io.StringIO(text, newline="")))


def hads(value: float) -> dict[str, float]:
    return {str(item): value for item in range(1, 15)}


def test_the_long_format_has_a_row_a_score_and_a_row_an_item_labelled_from_the_contract(
    therapist: Any, ms_client: Any, clinic: Any
) -> None:
    (response,) = enter_phq9(therapist, ms_client, [12])
    rows = exported(clinic, "long")
    assert tuple(rows[0]) == LONG_COLUMNS
    assert [row["variable"] for row in rows] == [
        "phq9_total",
        *(f"phq9_q{i}" for i in range(1, 10)),
    ]
    total, first = rows[0], rows[1]
    assert (total["client"], total["response"]) == (str(ms_client.pk), str(response.pk))
    assert (total["instrument"], total["instrument_version"]) == ("phq9", "1.0")
    assert total["scoring_version"] == "phq9@1.0/scoring-1"
    assert total["submitted"] == FIRST_DAY.isoformat()
    assert (total["value"], total["value_label"]) == ("12", "moderate")
    assert (first["value"], first["value_label"]) == ("3", "Nearly every day")


def test_the_client_is_their_number_and_their_name_is_nowhere_in_any_export(
    therapist: Any, clinic: Any
) -> None:
    client = make_client_record(therapist, display_name="Zebedee Quill")
    enter_phq9(therapist, client, [12])
    for form in ("long", "wide", "dictionary"):
        text = "".join(csv_chunks(rows_of(plan_export(clinic), form)))
        assert "Zebedee" not in text and "Quill" not in text
    assert {row["client"] for row in exported(clinic, "long")} == {str(client.pk)}


def test_item_wording_is_given_only_where_the_licence_allows_it(
    therapist: Any, ms_client: Any, clinic: Any
) -> None:
    enter_phq9(therapist, ms_client, [12])
    measures.enter_response(therapist, ms_client, "hads", hads(2.0), completed_on=FIRST_DAY)
    labels = {row["variable"]: row for row in exported(clinic, "dictionary")}
    assert labels["phq9_q1"]["label"].startswith("Little interest or pleasure")
    assert "0=Not at all" in labels["phq9_q1"]["value_labels"]
    assert labels["hads_q1"]["label"] == "HADS item 1"  # no wording: the licence keeps it out
    assert labels["hads_q1"]["value_labels"] == ""
    assert labels["hads_q1"]["values"] == "0 to 3"
    long_hads = [row for row in exported(clinic, "long") if row["variable"] == "hads_q1"]
    assert [(row["value"], row["value_label"]) for row in long_hads] == [("2", "")]


def test_the_wide_format_has_a_row_a_response_and_a_column_a_variable(
    therapist: Any, ms_client: Any, clinic: Any
) -> None:
    enter_phq9(therapist, ms_client, [18, 9])
    measures.enter_response(therapist, ms_client, "hads", hads(1.0), completed_on=FIRST_DAY)
    rows = exported(clinic, "wide")
    assert len(rows) == 3
    assert [row["phq9_total"] for row in rows] == ["18", "9", ""]
    assert rows[2]["hads_q14"] == "1" and rows[0]["hads_q14"] == ""
    assert set(rows[0]) - {"client", "response", "instrument", "instrument_version",
                           "scoring_version", "submitted"} == {
        row["variable"] for row in exported(clinic, "dictionary")
    }  # fmt: skip


def test_the_long_csv_parses_back_and_its_variables_are_those_of_the_dictionary(
    therapist: Any, ms_client: Any, clinic: Any
) -> None:
    enter_phq9(therapist, ms_client, [12, 6])
    measures.enter_response(therapist, ms_client, "hads", hads(3.0), completed_on=FIRST_DAY)
    text = "".join(csv_chunks(rows_of(plan_export(clinic), "long")))
    header, *body = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == LONG_COLUMNS
    assert all(len(row) == len(LONG_COLUMNS) for row in body)
    dictionary = exported(clinic, "dictionary")
    assert tuple(dictionary[0]) == DICTIONARY_COLUMNS
    assert {(r[2], r[3], r[6]) for r in body} == {
        (d["instrument"], d["instrument_version"], d["variable"]) for d in dictionary
    }
    assert len(body) == row_count(plan_export(clinic), "long") == 2 * 10 + 16


def test_a_corrected_response_is_left_out_and_its_correction_stands_at_its_date(
    therapist: Any, ms_client: Any, clinic: Any
) -> None:
    (original,) = enter_phq9(therapist, ms_client, [18])
    correction = measures.correct_response(therapist, original, phq9(3), "typed 18 for 3")
    rows = exported(clinic, "wide")
    assert [(r["response"], r["phq9_total"], r["submitted"]) for r in rows] == [
        (str(correction.pk), "3", FIRST_DAY.isoformat())
    ]


def test_another_clinics_responses_are_never_in_the_export(
    therapist: Any, ms_client: Any, clinic: Any, other_clinic: Any
) -> None:
    enter_phq9(therapist, ms_client, [12])
    assert exported(other_clinic, "long") == []
    assert exported(other_clinic, "dictionary") == []
    assert len(exported(clinic, "wide")) == 1


def test_the_number_of_queries_grows_with_chunks_not_with_rows(
    therapist: Any, ms_client: Any, clinic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records_module, "CHUNK", 4)

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            list(rows_of(plan_export(clinic), "long"))
        return len(seen.captured_queries)

    enter_phq9(therapist, ms_client, [1, 2, 3])
    few = queries()
    enter_phq9(therapist, ms_client, [4])  # four responses: still one chunk
    assert queries() == few
    enter_phq9(therapist, ms_client, [5, 6, 7, 8])  # eight: two chunks, two queries more
    assert queries() == few + 2
