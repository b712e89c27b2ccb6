"""`msrelief screen ANSWERS.json`: the result as JSON; bad input is one line naming the field."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

TODAY = "2025-06-10"


def run(tmp_path: Path, answers: Any, capsys: Any) -> dict[str, Any]:
    path = tmp_path / "answers.json"
    path.write_text(answers if isinstance(answers, str) else json.dumps(answers), "utf-8")
    call_command("screen", str(path))
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_the_screen_prints_the_outcome_the_fired_rules_and_the_adaptations(tmp_path, capsys):
    out = run(tmp_path, {"date": TODAY, "heat_sensitive": True, "falls_last_year": 2}, capsys)
    assert out["outcome"] == "ADAPT"
    assert [rule["id"] for rule in out["rules"]] == ["R21", "R24"]
    rule = out["rules"][0]
    assert {"id", "outcome", "reason", "citations", "grade"} <= set(rule)
    assert [a["key"] for a in out["adaptations"]][:2] == ["cool_room", "no_heat_treatments"]
    assert out["ruleset_version"] == "ms-screen-1"


def test_answers_with_no_flag_print_go(tmp_path, capsys):
    out = run(tmp_path, {"date": TODAY}, capsys)
    assert (out["outcome"], [rule["id"] for rule in out["rules"]]) == ("GO", ["R35"])


def test_a_dash_reads_the_answers_from_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"date": TODAY, "dvt_signs": True})))
    call_command("screen", "-")
    out = json.loads(capsys.readouterr().out)
    assert (out["outcome"], out["urgency"]) == ("REFER", "urgent_same_day")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"dvt_signs": True}, "answers.json: date: is required"),
        ({"date": TODAY, "dvt_signs": "yes"}, "answers.json: dvt_signs: must be true or false"),
        ({"date": TODAY, "colour": "blue"}, "answers.json: colour: is not a question"),
        ({"date": TODAY, "relapse_onset": "2025-07-01"}, "relapse_onset: must not be after date"),
        ([1, 2], "answers: must be a JSON object of answers by key, not a list"),
        ("{not json", "answers.json: not valid JSON"),
        (
            '{"date": "2025-06-10", "temperature_c": 1e400}',
            "answers.json: not valid JSON: the number 1e400",
        ),
        (
            {"date": TODAY, "temperature_c": 1e300},
            "answers.json: temperature_c: must be at most 45",
        ),
    ],
)
def test_bad_answers_stop_the_command_with_a_message_naming_the_field(
    tmp_path, answers, message, capsys
):
    with pytest.raises(CommandError, match=message):
        run(tmp_path, answers, capsys)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match=r"cannot read .*absent\.json"):
        call_command("screen", str(tmp_path / "absent.json"))


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(
        '{"date": "2025-06-10", "injection_sites": ["cuisse gauche é"]}'.encode("latin-1")
    )
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        call_command("screen", str(path))


def console(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "msrelief.cli", "screen", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_console_script_prints_json_and_exits_zero():
    result = console("-", stdin=json.dumps({"date": TODAY, "chest_pain_or_breathless": True}))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["urgency"] == "emergency_999"


def test_the_console_script_exits_1_with_one_line_and_no_traceback():
    result = console("-", stdin=json.dumps({"date": TODAY, "falls_last_year": "two"}))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "CommandError: -: falls_last_year: must be a whole number"
    ]


def test_the_console_script_runs_the_screen_without_setting_django_up():
    from msrelief.cli import PURE_COMMANDS

    assert PURE_COMMANDS["screen"] == "msrelief.safety.management.commands.screen"
    probe = (
        "import sys, io, json; from msrelief import cli; "
        "sys.stdin = io.StringIO(json.dumps({'date': '2025-06-10'})); "
        "cli.main(['msrelief', 'screen', '-']); "
        "from django.apps import apps; "
        "heavy = [m for m in ('ninja', 'scipy', 'citeproc') if m in sys.modules]; "
        "sys.stderr.write(f'{apps.ready} {heavy}')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "False []"
