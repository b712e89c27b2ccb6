import json

import pytest
from django.core.management import CommandError, call_command


def run(tmp_path, code, answers, capsys):
    path = tmp_path / "answers.json"
    path.write_text(answers if isinstance(answers, str) else json.dumps(answers))
    call_command("score", code, str(path))
    return json.loads(capsys.readouterr().out)


def test_score_prints_the_result_as_json(tmp_path, capsys):
    out = run(tmp_path, "phq9", {str(n): 1 for n in range(1, 10)}, capsys)
    assert out == {
        "total": 9.0,
        "subscales": {},
        "band": "mild",
        "missing": 0,
        "prorated": False,
        "version": "phq9@1.0/scoring-1",
    }


@pytest.mark.parametrize(
    ("code", "answers", "message"),
    [
        ("phq9", {"1": 5}, "item 1: 5 is not allowed"),
        ("phq9", {"10": 1}, "10"),
        ("nope", {}, "no instrument 'nope'"),
        ("phq9", "{not json", "not valid JSON"),
        ("phq9", [1, 2], "object"),
    ],
)
def test_bad_input_gives_a_clear_error(tmp_path, code, answers, message, capsys):
    with pytest.raises(CommandError, match=message):
        run(tmp_path, code, answers, capsys)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("score", "phq9", str(tmp_path / "absent.json"))


def test_the_console_script_exits_non_zero_with_the_message(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.json"
    path.write_text('{"1": 9}')
    result = subprocess.run(
        [sys.executable, "-m", "msrelief.cli", "score", "phq9", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "item 1" in result.stderr


def exit_and_error(capsys, *args):
    """Run ``msrelief ARGS`` as the console script does; its exit status and stderr."""
    from msrelief.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["msrelief", *args])
    return stopped.value.code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"1": 1' + "0" * 400 + "}", "phq9 item 1: the answer must be a finite number"),
        ('{"1": 1e400}', "the number 1e400 is too large"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
        ('{"1": ' + "7" * 5000 + "}", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
    ],
    ids=["int-above-float-range", "float-overflow", "deep-nesting", "too-many-digits", "binary"],
)
def test_bad_answer_files_exit_1_with_one_line_and_no_traceback(tmp_path, capsys, content, message):
    path = tmp_path / "answers.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    status, error = exit_and_error(capsys, "score", "phq9", str(path))
    assert status == 1
    assert message in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1
