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


def test_the_unchanged_structure_file_exits_1_naming_the_first_placeholder_items(
    tmp_path, capsys, clinic_admin
):
    from msrelief.scoring import get_definition

    structure = json.dumps(get_definition("mfis21").questionnaire).encode()
    status, error = _run(tmp_path, capsys, structure)
    assert status == 1
    assert "This is the structure file unchanged" in error
    assert "Item 1, text: still the placeholder 'Item 1'" in error
    assert "… and the same for 16 more items" in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert not ClinicQuestionnaire.objects.exists()


def test_an_answer_without_a_label_exits_1_naming_the_item(tmp_path, capsys, clinic_admin):
    resource = licensed_wording()
    for option in resource["item"][4]["answerOption"]:
        option["valueCoding"]["display"] = option["valueCoding"]["code"]  # "0", "1", ...
    status, error = _run(tmp_path, capsys, json.dumps(resource).encode())
    assert status == 1
    assert "Item 5, answer labels (answerOption valueCoding.display): answers " in error
    assert "have only a number; give each the words the client reads" in error
    assert len(error.strip().splitlines()) == 1
    assert not ClinicQuestionnaire.objects.exists()
