"""``msrelief report client ID``: a client's report written to a file as PDF or HTML, for the
clinician by default; audited as from the command line; a bad id exits 1 with one line."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from msrelief import cli
from msrelief.audit.models import AuditEvent
from msrelief.reports.tests.pdf_text import pdf_text
from msrelief.reports.tests.progress_setup import enter

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    errors = io.StringIO()
    call_command("report", "client", *args, stderr=errors)
    return errors.getvalue()


@pytest.fixture
def scored(therapist: Any, ms_client: Any) -> Any:
    enter(therapist, ms_client, "fss", [6, 5, 4, 3])
    return ms_client


def test_the_pdf_is_the_clinical_summary_by_default_with_the_scores_and_versions(
    scored: Any, tmp_path: Any
) -> None:
    target = tmp_path / "report.pdf"
    said = run(str(scored.pk), "-o", str(target))
    assert f"Wrote the clinician report to {target}." in said
    text = pdf_text(target.read_bytes(), tmp_path)
    assert "Clinical summary: Robin Example" in text
    row = next(line for line in text.splitlines() if line.lstrip().startswith("FSS:"))
    assert "6 (" in row and "3 (" in row
    assert "fss@1.0/scoring-1" in text


def test_the_client_report_as_html_stands_alone_with_its_style(scored: Any, tmp_path: Any) -> None:
    target = tmp_path / "report.html"
    run(str(scored.pk), "--format", "html", "--audience", "client", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert "Your progress report" in html and "Your latest score is 3 on" in html
    assert "<nav" not in html, "no site navigation in a file meant to be sent"


def test_each_run_is_audited_as_an_export_from_the_command_line(scored: Any, tmp_path: Any) -> None:
    run(str(scored.pk), "--format", "html", "-o", str(tmp_path / "r.html"))
    event = AuditEvent.objects.get(event="client.report_exported")
    assert event.actor is None and event.client_ref == scored.pk
    assert event.changes == {"audience": "clinician", "format": "html", "via": "command line"}


def test_an_unknown_client_exits_1_with_one_line_and_writes_nothing(
    clinic: Any, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(CommandError):
        call_command("report", "client", "999", "-o", str(target))
    assert not target.exists() and not AuditEvent.objects.exists()
    # Through the msrelief command itself (which closes the database connection as it exits,
    # so the database is looked at before).
    with pytest.raises(SystemExit) as stop:
        cli.main(["msrelief", "report", "--skip-checks", "client", "999", "-o", str(target)])
    assert stop.value.code == 1
    assert capsys.readouterr().err.strip() == "CommandError: no client has the number 999"
    assert not target.exists()


def test_a_missing_folder_or_an_id_that_is_not_a_number_is_refused(
    scored: Any, tmp_path: Any
) -> None:
    with pytest.raises(CommandError, match=r"the folder .* does not exist"):
        run(str(scored.pk), "-o", str(tmp_path / "nowhere" / "r.pdf"))
    with pytest.raises(CommandError, match="invalid int value: 'Robin'"):
        run("Robin", "-o", str(tmp_path / "r.pdf"))
