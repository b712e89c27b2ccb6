"""Bad answers raise ScoringError naming the item and what is allowed; missing-item rules hold."""

from __future__ import annotations

import math

import pytest

from msrelief.scoring import ScoringError, score
from msrelief.scoring.tests.examples import numbered

PHQ_FULL = numbered([1] * 9)

INVALID = [
    (
        "phq9",
        {**PHQ_FULL, "10": 1},
        "phq9: unknown item '10'; the items are 1, 2, 3, 4, 5, 6, 7, 8, 9",
    ),
    ("phq9", {**PHQ_FULL, "1": 4}, "phq9 item 1: 4 is not allowed; allowed values are 0, 1, 2, 3"),
    (
        "phq9",
        {**PHQ_FULL, "2": 1.5},
        "phq9 item 2: 1.5 is not allowed; allowed values are 0, 1, 2, 3",
    ),
    ("phq9", {**PHQ_FULL, "3": -1}, "phq9 item 3: -1 is not allowed"),
    (
        "phq9",
        {**PHQ_FULL, "4": "2"},
        "phq9 item 4: '2' is not a number; allowed values are 0, 1, 2, 3",
    ),
    ("phq9", {**PHQ_FULL, "5": True}, "phq9 item 5: True is not a number"),
    ("phq9", {**PHQ_FULL, "6": math.nan}, "phq9 item 6: nan is not allowed"),
    ("phq9", {**PHQ_FULL, "7": 10**400}, "phq9 item 7: inf is not allowed"),
    (
        "fss",
        numbered([0] + [4] * 8),
        "fss item 1: 0 is not allowed; allowed values are 1, 2, 3, 4, 5, 6, 7",
    ),
    (
        "nrs-pain",
        {"1": 11},
        "nrs-pain item 1: 11 is not allowed; allowed values are a whole number from 0 to 10",
    ),
    (
        "nrs-pain",
        {"1": 2.5},
        "nrs-pain item 1: 2.5 is not allowed; allowed values are a whole number",
    ),
    (
        "t25fw",
        {"1": 200, "2": 6},
        "t25fw item 1: 200 is not allowed; allowed values are a number from 1 to 180 (s)",
    ),
    ("mas", {"1": 2.5}, "mas item 1: 2.5 is not allowed; allowed values are 0, 1, 1.5, 2, 3, 4"),
    ("psqi", {"5a": 4}, "psqi item 5a: 4 is not allowed; allowed values are 0, 1, 2, 3"),
    ("msis29@2.0", {"1": 5}, "msis29 item 1: 5 is not allowed; allowed values are 1, 2, 3, 4"),
]


@pytest.mark.parametrize(("code", "answers", "message"), INVALID, ids=[i[2][:40] for i in INVALID])
def test_an_invalid_answer_raises_an_error_naming_the_item_and_the_allowed_values(
    code: str, answers: dict[str, object], message: str
) -> None:
    with pytest.raises(ScoringError) as caught:
        score(code, answers)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_an_item_key_that_is_not_a_string_is_an_unknown_item() -> None:
    with pytest.raises(ScoringError, match="unknown item 1;"):
        score("phq9", {1: 1})  # type: ignore[dict-item]


def test_an_unknown_instrument_code_is_a_scoring_error() -> None:
    with pytest.raises(ScoringError, match="no instrument 'phq10'"):
        score("phq10", {})


TOO_FEW = [
    (
        "phq9",
        {k: v for k, v in PHQ_FULL.items() if k != "4"},
        "'total' needs at least 9 of 9 items answered but has 8 (unanswered: 4;",
    ),
    ("phq9", {}, "'total' needs at least 9 of 9 items answered but has 0"),
    (
        "dass21",
        {k: v for k, v in numbered([1] * 21).items() if k != "3"},
        "'total' needs at least 21 of 21",
    ),
    ("t25fw", {"1": 6.1}, "'total' needs at least 2 of 2 items answered but has 1 (unanswered: 2;"),
    ("msis29@1.0", {}, "'physical' needs at least 20 of 20"),
    ("hads", {"1": 1, "2": 1}, "'anxiety' needs at least 7 of 7 items answered but has 1"),
    ("psqi", {"1": 23, "2": 10, "3": 7, "4": 7}, "'total' needs at least 17 of 18"),
    ("mas", {}, "'total' needs at least 1 of 12"),
    ("sf36", {"3": 1, "4": 1, "5": 1, "6": 1}, "'physical_functioning' needs at least 5 of 10"),
]


@pytest.mark.parametrize(
    ("code", "answers", "message"), TOO_FEW, ids=[f"{t[0]}-{n}" for n, t in enumerate(TOO_FEW)]
)
def test_too_many_unanswered_items_raise_an_error_naming_the_items_and_the_rule(
    code: str, answers: dict[str, float], message: str
) -> None:
    with pytest.raises(ScoringError) as caught:
        score(code, answers)
    assert message in str(caught.value)
    assert "rule:" in str(caught.value)


def test_the_hads_scores_a_complete_subscale_when_the_other_is_incomplete() -> None:
    answers = {str(i): 2 for i in range(1, 14, 2)} | {"2": 1}
    result = score("hads", answers)
    assert result.subscales == {"anxiety": 14, "depression": None}
    assert result.subscale_bands == {"anxiety": "abnormal", "depression": None}
    assert result.missing == 6


def test_the_msis29_scores_the_psychological_subscale_without_the_physical_one() -> None:
    result = score("msis29@1.0", {str(i): 1 for i in range(21, 30)})
    assert result.subscales == {"physical": None, "psychological": 0}


def test_an_sf36_scale_below_half_its_items_is_null_while_the_others_are_scored() -> None:
    answers = {str(i): 1 for i in range(13, 37)} | {"1": 1, "3": 3, "4": 3, "5": 3, "6": 3}
    result = score("sf36", answers)
    assert result.subscales["physical_functioning"] is None
    assert result.subscales["role_physical"] == 0


def test_the_optional_psqi_item_5j_counts_as_zero_and_is_not_missing() -> None:
    answers = {"1": 23, "2": 10, "3": 7, "4": 7.5, "6": 0, "7": 0, "8": 0, "9": 0}
    answers |= {f"5{letter}": 0 for letter in "abcdefghi"}
    result = score("psqi", answers)
    assert (result.total, result.missing) == (0, 0)
