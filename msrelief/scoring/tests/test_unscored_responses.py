"""A partial response can be kept unscored: ``allow_unscored`` returns the shortfall of each empty
score (which items were blank, how many the rule needs, and the rule itself) instead of raising,
and a blank PHQ-9 item 9 raises a signal of its own."""

from __future__ import annotations

import pytest

from msrelief.scoring import IncompleteError, Shortfall, get_definition, score
from msrelief.scoring.tests.examples import numbered

DASS_ALL_ONES = numbered([1] * 21)


def _without(answers: dict[str, float], *items: str) -> dict[str, float]:
    return {k: v for k, v in answers.items() if k not in items}


def test_strict_scoring_still_refuses_a_response_missing_too_many_items() -> None:
    with pytest.raises(IncompleteError) as raised:
        score("phq9", _without(numbered([1] * 9), "3"))
    assert [s.score for s in raised.value.shortfalls] == ["total"]
    assert raised.value.shortfalls[0].unanswered == ("3",)


def test_an_unscored_phq9_says_the_total_needs_all_nine_items_and_names_the_blank_one() -> None:
    result = score("phq9", _without(numbered([1] * 9), "3"), allow_unscored=True)
    assert not result.scored
    assert result.total is None and result.band is None
    (shortfall,) = result.shortfalls
    assert (shortfall.score, shortfall.needed, shortfall.of) == ("total", 9, 9)
    assert shortfall.unanswered == ("3",)
    assert shortfall.label == "Total score"
    assert shortfall.rule == get_definition("phq9").score_spec("total").missing.note


def test_dass21_missing_one_item_per_subscale_leaves_every_score_empty_with_its_reason() -> None:
    # DASS-21 items: stress 1, 6, 8, 11, 12, 14, 18; anxiety 2, 4, 7, 9, 15, 19, 20;
    # depression 3, 5, 10, 13, 16, 17, 21 (Lovibond & Lovibond 1995).
    answers = _without(DASS_ALL_ONES, "1", "2", "3")
    result = score("dass21", answers, allow_unscored=True)
    assert not result.scored
    assert all(value is None for value in result.subscales.values())
    blanks = {s.score: s.unanswered for s in result.shortfalls}
    assert blanks == {
        "total": ("1", "2", "3"),
        "stress": ("1",),
        "anxiety": ("2",),
        "depression": ("3",),
    }
    assert result.missing == 3


def test_subscales_with_enough_answers_keep_their_scores_when_the_total_cannot_be_scored() -> None:
    result = score("dass21", _without(DASS_ALL_ONES, "3"), allow_unscored=True)
    assert not result.scored
    assert result.subscales["stress"] == 14 and result.subscales["anxiety"] == 14
    assert result.subscales["depression"] is None
    assert [s.score for s in result.shortfalls] == ["total", "depression"]


def test_an_instrument_without_a_total_is_scored_when_one_subscale_can_be() -> None:
    # MSIS-29 version 2: physical items 1-20, psychological 21-29 (Hobart 2001), no total.
    result = score("msis29@2.0", _without(numbered([2] * 29), "4"), allow_unscored=True)
    assert result.scored
    assert result.subscales["physical"] is None
    assert result.subscales["psychological"] is not None
    assert [s.score for s in result.shortfalls] == ["physical"]


def test_a_complete_response_has_no_shortfalls_and_is_scored() -> None:
    result = score("dass21", DASS_ALL_ONES, allow_unscored=True)
    assert result.scored and result.shortfalls == ()


def test_a_blank_phq9_item_9_raises_its_own_signal_and_not_the_positive_one() -> None:
    result = score("phq9", _without(numbered([0] * 9), "9"), allow_unscored=True)
    assert [alert.code for alert in result.alerts] == ["phq9-item9-unanswered"]


@pytest.mark.parametrize(("item9", "codes"), [(0, []), (1, ["phq9-item9-positive"])])
def test_an_answered_phq9_item_9_raises_only_the_positive_signal_above_zero(
    item9: int, codes: list[str]
) -> None:
    result = score("phq9", {**numbered([0] * 8), "9": item9})
    assert [alert.code for alert in result.alerts] == codes


def test_a_shortfall_is_stored_as_a_plain_dictionary() -> None:
    shortfall = Shortfall("total", "Total score", 9, 9, ("3", "7"), "every item is needed")
    assert shortfall.to_dict() == {
        "score": "total",
        "label": "Total score",
        "needed": 9,
        "of": 9,
        "unanswered": ["3", "7"],
        "rule": "every item is needed",
    }
