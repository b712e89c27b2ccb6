"""score_json and list_instruments: what the CLI and the web API call."""

from __future__ import annotations

import json

import pytest

from msrelief.scoring import ScoringError, list_instruments, score_json


def test_score_json_returns_exactly_the_stored_fields_ready_for_json() -> None:
    result = score_json(
        "gad7", json.loads('{"1": 2, "2": 1, "3": 2, "4": 1, "5": 0, "6": 1, "7": 0}')
    )
    assert result == {
        "total": 7.0,
        "subscales": {},
        "band": "mild",
        "missing": 0,
        "prorated": False,
        "version": "gad7@1.0/scoring-1",
    }
    assert json.loads(json.dumps(result)) == result


def test_score_json_accepts_a_code_with_a_version_and_null_as_unanswered() -> None:
    answers = {str(i): 2 for i in range(1, 30)} | {"1": None}
    with pytest.raises(ScoringError, match="'physical' needs at least 20 of 20"):
        score_json("msis29@2.0", answers | {str(i): None for i in range(21, 30)})
    assert score_json("msis29@1.0", answers)["version"] == "msis29@1.0/scoring-1"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([1, 2, 3], "answers must be a JSON object mapping item numbers to numbers"),
        ("1=2", "got str"),
        ({"1": "2"}, "gad7 item 1: the answer must be a number, got '2' (str)"),
        ({"1": True}, "gad7 item 1: the answer must be a number, got True (bool)"),
        ({"1": [2]}, "gad7 item 1: the answer must be a number"),
        ({1: 2}, "item keys must be strings"),
        ({"one": 2}, "unknown item 'one'"),
        ({"1": 7}, "gad7 item 1: 7 is not allowed; allowed values are 0, 1, 2, 3"),
        ({"1": float("inf")}, "gad7 item 1: the answer must be a finite number"),
    ],
)
def test_score_json_rejects_malformed_input_with_a_clear_message(
    answers: object, message: str
) -> None:
    with pytest.raises(ScoringError) as caught:
        score_json("gad7", answers)
    assert message in str(caught.value)


def test_score_json_rejects_an_unknown_code() -> None:
    with pytest.raises(ScoringError, match="no instrument 'xyz'"):
        score_json("xyz", {})


def test_list_instruments_gives_one_row_per_code_with_licence_and_text_status() -> None:
    rows = {row["code"]: row for row in list_instruments()}
    assert len(rows) == 27
    assert rows["phq9"]["ships_item_text"] is True
    assert rows["mfis21"]["ships_item_text"] is False
    assert rows["mfis21"]["item_text"] == "none"
    assert rows["dass21"]["item_text"] == "content"
    assert rows["msis29"]["versions"] == ["1.0", "2.0"]
    assert rows["msis29"]["version"] == "2.0"
    assert set(rows["who5"]) == {
        "code",
        "version",
        "title",
        "licence",
        "ships_item_text",
        "item_text",
        "item_text_available",
        "scoring_version",
        "versions",
    }
    assert "CC BY-NC-SA" in str(rows["who5"]["licence"])
