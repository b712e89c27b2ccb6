"""``msrelief report cohort``: JSON and CSV with the documented keys, PDF to a file, one-line
errors."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from msrelief import cli
from msrelief.audit.models import AuditEvent
from msrelief.reports.cohort.export import COLUMNS
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.reports.services import export_cohort
from msrelief.reports.tests.helpers import enter_phq9
from msrelief.reports.tests.pdf_text import pdf_text
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db
QUOTED_KEYS = {
    "instrument", "score", "n", "baseline_mean", "end_mean", "mean_change", "ci_low",
    "ci_high", "sd_change", "responders_mcid", "responders_rci",
}  # fmt: skip


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", "cohort", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def cohort(therapist: Any, ms_client: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12, 9])
    enter_phq9(therapist, make_client_record(therapist, display_name="Sam"), [10, 11, 6])


def test_json_has_n_and_one_construct_a_score_with_the_quoted_keys(cohort: None) -> None:
    report = json.loads(run("--format", "json"))
    assert report["n"] == 2
    (phq9,) = report["constructs"]
    assert set(phq9) >= QUOTED_KEYS
    assert set(phq9) == set(COLUMNS)
    assert (phq9["instrument"], phq9["score"], phq9["n"]) == ("phq9", "total", 2)
    assert (phq9["baseline_mean"], phq9["end_mean"], phq9["mean_change"]) == (14.0, 7.5, -6.5)
    assert phq9["ci_low"] == pytest.approx(-38.265512, abs=1e-6)
    assert phq9["responders_mcid"] == 1
    assert phq9["responders_rci"] is None  # PHQ-9's definition gives no reliability


def test_csv_has_a_header_of_the_same_keys_and_a_row_a_score(cohort: None) -> None:
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv"))))
    assert len(rows) == 1
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["mean_change"] == "-6.5"
    assert rows[0]["responders_rci"] == ""


def test_the_export_is_audited_as_from_the_command_line(cohort: None, clinic: Any) -> None:
    run("--phenotype", "RRMS")
    event = AuditEvent.objects.get(event="clinic.cohort_exported")
    assert event.actor is None
    assert event.clinic == clinic
    assert event.changes == {
        "filters": {"phenotype": "RRMS"}, "clients": 2, "format": "json", "via": "command line"
    }  # fmt: skip


def test_with_two_clinics_the_clinic_must_be_named_by_number_or_name(
    cohort: None, clinic: Any, other_clinic: Any
) -> None:
    with pytest.raises(CommandError, match="--clinic ID or NAME"):
        run()
    assert json.loads(run("--clinic", "harbour street clinic"))["n"] == 2
    assert json.loads(run("--clinic", str(other_clinic.pk)))["n"] == 0
    with pytest.raises(CommandError, match="no clinic has the number or the name 'Nowhere'"):
        run("--clinic", "Nowhere")


def test_an_unknown_programme_or_a_bad_date_is_refused_naming_it(clinic: Any) -> None:
    with pytest.raises(CommandError, match="no programme template has the code 'nope'"):
        run("--programme", "nope")
    with pytest.raises(CommandError, match="'2026-13-01' is not a date written YYYY-MM-DD"):
        run("--from", "2026-13-01")
    with pytest.raises(CommandError, match="--to cannot be before --from"):
        run("--from", "2026-05-01", "--to", "2026-04-01")


def test_a_bad_option_exits_1_with_one_line_and_no_traceback(
    clinic: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["msrelief", "report", "--skip-checks", "cohort", "--clinic", "Nowhere"])
    assert stop.value.code == 1
    errors = capsys.readouterr().err.strip()
    assert errors == "CommandError: no clinic has the number or the name 'Nowhere'"


def test_pdf_is_written_to_the_file_given_and_pdftotext_finds_the_figures(
    cohort: None, tmp_path: Any
) -> None:
    target = tmp_path / "cohort.pdf"
    assert run("--format", "pdf", "-o", str(target)) == ""
    text = pdf_text(target.read_bytes(), tmp_path)
    assert "Cohort outcomes of Harbour Street Clinic" in text
    assert "-6.50 (95 % CI -38.27 to 25.27)" in text and "phq9@1.0/scoring-1" in text


def test_a_pdf_needs_a_file_and_an_existing_folder(clinic: Any, tmp_path: Any) -> None:
    with pytest.raises(CommandError, match="a PDF needs a file: give -o FILE"):
        run("--format", "pdf")
    with pytest.raises(CommandError, match=r"the folder .* does not exist"):
        run("--format", "pdf", "-o", str(tmp_path / "nowhere" / "cohort.pdf"))
    assert not AuditEvent.objects.exists()


def test_json_goes_to_the_file_given_instead_of_standard_output(
    cohort: None, tmp_path: Any
) -> None:
    target = tmp_path / "cohort.json"
    assert run("--format", "json", "-o", str(target)) == ""
    assert json.loads(target.read_text(encoding="utf-8"))["n"] == 2


def test_the_progress_is_told_each_instrument_version_and_the_number_of_steps(
    cohort: None, clinic: Any
) -> None:
    steps: list[tuple[int, int, str]] = []
    export_cohort(clinic, CohortFilters(), lambda *step: steps.append(step))
    assert steps == [(1, 1, "phq9@1.0: 6 responses")]
