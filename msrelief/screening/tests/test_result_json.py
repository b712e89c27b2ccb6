"""The result as JSON (``msrelief screen`` and ``POST /api/screen`` print it)."""

from __future__ import annotations

import json

from msrelief.screening import screen_json
from msrelief.screening.tests.helpers import answers, days_ago


def test_the_json_carries_the_documented_fields() -> None:
    result = screen_json(answers(heat_sensitive=True))
    assert list(result) == [
        "outcome",
        "urgency",
        "messages",
        "rules",
        "adaptations",
        "standing_precautions",
        "unanswered",
        "ruleset_version",
        "clinical_review",
    ]
    assert result["ruleset_version"] == "ms-screen-1"
    [rule] = result["rules"]
    assert {"id", "outcome", "reason", "citations", "grade"} <= set(rule)
    assert rule["id"] == "R21" and rule["citations"][0] == "halabchi2017"
    assert json.loads(json.dumps(result)) == result


def test_an_unsourced_threshold_is_marked_so_a_screen_can_say_it_is_msreliefs_choice() -> None:
    [rule] = screen_json(answers(relapse_onset=days_ago(3)))["rules"]
    assert rule["id"] == "R16"
    assert rule["threshold_source"] is None
    assert rule["threshold_sourced"] is False
    assert rule["threshold_note"].startswith("No published threshold; msrelief's choice")


def test_a_sourced_threshold_names_its_sources() -> None:
    [rule] = screen_json(answers(falls_last_year=2))["rules"]
    assert (rule["threshold_source"], rule["threshold_sourced"]) == (["cameron2013"], True)


def test_a_refer_takes_the_strictest_urgency_and_lists_the_most_urgent_message_first() -> None:
    result = screen_json(
        answers(new_or_worse_symptoms_over_24h=True, chest_pain_or_breathless=True)
    )
    assert (result["outcome"], result["urgency"]) == ("REFER", "emergency_999")
    assert [rule["id"] for rule in result["rules"]] == ["R01", "R12"]
    assert [message["key"] for message in result["messages"]] == ["call_999", "ms_team"]


def test_suicidal_thoughts_in_danger_show_999_samaritans_and_shout() -> None:
    result = screen_json(answers(suicidal_immediate_danger=True))
    texts = " ".join(message["text"] for message in result["messages"])
    assert result["urgency"] == "emergency_999"
    assert "999" in texts and "116 123" in texts and "85258" in texts


def test_the_standing_precautions_are_shown_with_every_outcome() -> None:
    for extra in ({}, {"dvt_signs": True}):
        keys = [item["key"] for item in screen_json(answers(**extra))["standing_precautions"]]
        assert keys[0] == "ask_what_changed"
