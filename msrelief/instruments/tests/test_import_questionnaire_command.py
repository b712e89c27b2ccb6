"""`msrelief import-questionnaire`: bad files end with one line and exit status 1."""

import json

import pytest

from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.testing import licensed_wording


@pytest.fixture(autouse=True)
def _keep_the_test_database_connection(monkeypatch):
    # A command run from the command line closes every database connection when it ends
    # (BaseCommand.run_from_argv). Here it runs inside the test's transaction, whose
    # PostgreSQL connection must stay open for the assertions and the rollback.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)


def exit_and_error(capsys, *args):
    """Run ``msrelief ARGS`` as the console script does; its exit status and stderr."""
    from msrelief.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["msrelief", *args])
    return stopped.value.code, capsys.readouterr().err


def _run(tmp_path, capsys, content, email="alex@harbour.test"):
    path = tmp_path / "mfis21.json"
    path.write_bytes(content)
    return exit_and_error(
        capsys, "import-questionnaire", "mfis21", str(path), "--by", email, "--licence", "L-42"
    )


def test_a_matching_file_is_imported(tmp_path, capsys, clinic_admin):
    from msrelief.cli import main

    path = tmp_path / "mfis21.json"
    path.write_text(json.dumps(licensed_wording()))
    main(["msrelief", "import-questionnaire", "mfis21", str(path), "--by", clinic_admin.email,
          "--licence", "L-42"])  # fmt: skip
    assert "Imported mfis21@1.0 wording" in capsys.readouterr().out
    assert ClinicQuestionnaire.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than 64 levels deep"),
        (b'{"resourceType": "Questionnaire", "item": [}', "not valid JSON (line 1, column"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
        (b'{"resourceType": "Questionnaire", "item": [{"linkId": "1"}]}', "item.0.type"),
    ],
    ids=["deep-nesting", "syntax", "binary", "wrong-items"],
)
def test_bad_files_exit_1_with_one_line_and_no_traceback(
    tmp_path, capsys, clinic_admin, content, message
):
    status, error = _run(tmp_path, capsys, content)
    assert status == 1
    assert message in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert not ClinicQuestionnaire.objects.exists()
