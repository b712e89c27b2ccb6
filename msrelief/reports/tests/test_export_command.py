"""``msrelief export responses``: the file in the chosen format, audited, one-line errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from msrelief import cli
from msrelief.audit.models import AuditEvent
from msrelief.reports.exports.formats import DICTIONARY_COLUMNS, LONG_COLUMNS
from msrelief.reports.tests.helpers import enter_phq9

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    err = io.StringIO()
    call_command("export", "responses", *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8", newline="")))


@pytest.fixture
def answered(therapist: Any, ms_client: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12])


def test_each_format_is_written_to_the_file_and_the_rows_are_counted(
    answered: None, tmp_path: Path
) -> None:
    long = tmp_path / "long.csv"
    assert "Wrote 20 rows" in run("--format", "long", "-o", str(long))
    assert tuple(read(long)[0]) == LONG_COLUMNS and len(read(long)) == 20
    wide = tmp_path / "wide.csv"
    run("--format", "wide", "-o", str(wide))
    assert [row["phq9_total"] for row in read(wide)] == ["18", "12"]
    dictionary = tmp_path / "dictionary.csv"
    run("--format", "dictionary", "--output", str(dictionary))
    assert tuple(read(dictionary)[0]) == DICTIONARY_COLUMNS and len(read(dictionary)) == 10


def test_the_export_is_audited_with_its_format_and_row_count(
    answered: None, clinic: Any, tmp_path: Path
) -> None:
    run("--format", "wide", "-o", str(tmp_path / "wide.csv"))
    event = AuditEvent.objects.get(event="clinic.responses_exported")
    assert (event.actor, event.clinic) == (None, clinic)
    assert event.changes == {"format": "wide", "rows": 2, "responses": 2, "via": "command line"}


def test_with_two_clinics_the_clinic_is_named(
    answered: None, other_clinic: Any, tmp_path: Path
) -> None:
    out = tmp_path / "x.csv"
    with pytest.raises(CommandError, match="--clinic ID or NAME"):
        run("-o", str(out))
    run("--clinic", str(other_clinic.pk), "-o", str(out))
    assert read(out) == []


def test_a_folder_that_does_not_exist_is_refused_before_anything_is_audited(
    answered: None, tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match=r"the folder .*nowhere does not exist"):
        run("-o", str(tmp_path / "nowhere" / "x.csv"))
    assert not AuditEvent.objects.filter(event="clinic.responses_exported").exists()


def test_a_bad_format_exits_1_with_one_line_and_no_traceback(
    clinic: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["msrelief", "export", "--skip-checks", "responses", "--format", "pdf", "-o", "x"])
    assert stop.value.code != 0
    assert "invalid choice: 'pdf'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        cli.main(["msrelief", "export", "--skip-checks", "responses", "--clinic", "Nowhere",
                  "-o", str(tmp_path / "x.csv")])  # fmt: skip
    assert stop.value.code == 1
    errors = capsys.readouterr().err.strip()
    assert errors == "CommandError: no clinic has the number or the name 'Nowhere'"
