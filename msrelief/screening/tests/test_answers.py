"""The answers are checked strictly, and every problem names its field."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.screening import AnswersError, parse_answers, screen
from msrelief.screening.answers import MAX_AREA_LENGTH, MAX_LIST_ITEMS
from msrelief.screening.tests.helpers import answers, days_ago, run


def problems(raw: Any) -> list[tuple[str, str]]:
    with pytest.raises(AnswersError) as caught:
        parse_answers(raw)
    return list(caught.value.problems)


def test_the_date_of_the_session_is_required() -> None:
    assert problems({"heat_sensitive": True}) == [
        ("date", "is required: the day of the session, written YYYY-MM-DD")
    ]


@pytest.mark.parametrize("date", ["2025-6-10", "10/06/2025", "2025-06-10T09:00", 20250610, None])
def test_a_date_that_is_not_written_yyyy_mm_dd_is_refused(date: Any) -> None:
    [(field, problem)] = problems({"date": date})
    assert field == "date" and "YYYY-MM-DD" in problem


def test_an_impossible_date_is_refused_with_the_reason() -> None:
    assert problems({"date": "2025-02-30"}) == [
        ("date", "must be a date written YYYY-MM-DD (day value is outside expected range)")
    ]


def test_an_unknown_key_is_refused_by_name_with_the_closest_known_key() -> None:
    [(field, problem)] = problems(answers(heat_sensitiv=True))
    assert field == "heat_sensitiv"
    assert "did you mean 'heat_sensitive'?" in problem


@pytest.mark.parametrize("value", [1, 0, "yes", "true", None])
def test_a_flag_must_be_true_or_false(value: Any) -> None:
    assert problems(answers(dvt_signs=value)) == [("dvt_signs", "must be true or false")]


def test_a_problem_inside_the_last_infusion_names_the_inner_field() -> None:
    found = problems(answers(last_infusion={"drug": "rituximab", "date": "yesterday"}))
    assert [field for field, _ in found] == ["last_infusion.drug", "last_infusion.date"]
    assert "'ocrelizumab', 'natalizumab', 'alemtuzumab' or 'other'" in found[0][1]


def test_an_unknown_key_inside_the_last_infusion_is_refused() -> None:
    raw = answers(last_infusion={"drug": "other", "date": days_ago(1), "dose": 300})
    [(field, problem)] = problems(raw)
    assert field == "last_infusion.dose" and "not a question" in problem


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("temperature_c", 46, "must be at most 45"),
        ("temperature_c", "38", "must be a number"),
        ("falls_last_year", -1, "must be at least 0"),
        ("falls_last_year", 1.5, "must be a whole number"),
        ("pregnant_weeks", 46, "must be at most 45"),
        ("session", "yoga", "must be one of 'massage' or 'physiotherapy'"),
        ("sensory_loss_areas", "left foot", "must be a list"),
    ],
)
def test_numbers_choices_and_lists_are_checked_against_their_bounds(
    key: str, value: Any, problem: str
) -> None:
    [(field, found)] = problems(answers(**{key: value}))
    assert field == key and found.startswith(problem)


def test_a_list_entry_is_named_by_its_position() -> None:
    found = problems(answers(sensory_loss_areas=["left foot", "  ", 3]))
    assert found == [
        ("sensory_loss_areas[1]", "must not be empty"),
        ("sensory_loss_areas[2]", "must be text"),
    ]


def test_lists_are_bounded_in_length_and_in_the_length_of_each_entry() -> None:
    too_many = ["area"] * (MAX_LIST_ITEMS + 1)
    assert problems(answers(injection_sites=too_many)) == [
        ("injection_sites", f"may hold at most {MAX_LIST_ITEMS} entries")
    ]
    too_long = ["x" * (MAX_AREA_LENGTH + 1)]
    assert problems(answers(injection_sites=too_long)) == [
        ("injection_sites[0]", f"must be at most {MAX_AREA_LENGTH} characters")
    ]


@pytest.mark.parametrize("key", ["relapse_onset", "gave_birth_on"])
def test_a_past_event_cannot_lie_after_the_session(key: str) -> None:
    assert problems(answers(**{key: days_ago(-1)})) == [
        (key, "must not be after date (2025-06-10)")
    ]


def test_an_infusion_cannot_lie_after_the_session() -> None:
    raw = answers(last_infusion={"drug": "other", "date": days_ago(-2)})
    assert problems(raw) == [("last_infusion.date", "must not be after date (2025-06-10)")]


def test_a_steroid_course_may_end_after_the_session_as_it_is_still_running() -> None:
    assert parse_answers(answers(steroids_end=days_ago(-4))).days_since("steroids_end") == -4


@pytest.mark.parametrize("raw", [[], "answers", 3, None])
def test_answers_that_are_not_an_object_are_refused(raw: Any) -> None:
    [(field, problem)] = problems(raw)
    assert field == "answers" and problem.startswith("must be a JSON object")


def test_every_problem_is_reported_at_once_in_one_line() -> None:
    with pytest.raises(AnswersError) as caught:
        screen({"dvt_signs": "no", "colour": "blue"})
    message = str(caught.value)
    assert "\n" not in message
    assert "dvt_signs: must be true or false" in message
    assert "colour: is not a question" in message
    assert "date: is required" in message


def test_a_key_left_out_or_null_counts_as_unanswered_and_a_false_flag_as_answered() -> None:
    result = run(dvt_signs=False, relapse_onset=None)
    assert "dvt_signs" not in result.unanswered
    assert "relapse_onset" in result.unanswered
    assert "heat_sensitive" in result.unanswered
    assert "date" not in result.unanswered
