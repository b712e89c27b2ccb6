"""What the packaged rule file promises: it says it is unreviewed, every answer is used, every
unsourced threshold says so, each rule keeps the note's grade, and every REFER says what to do."""

from __future__ import annotations

from msrelief.screening import ANSWER_KEYS, KEY_KINDS, default_ruleset
from msrelief.screening.conditions import keys_of
from msrelief.screening.ruleset import UNSOURCED

RULESET = default_ruleset()
SPEC = RULESET.spec

# The grade of each rule as research/safety.md gives it; a sub-rule takes the grade the note
# gives its part (the catheter item of R26, the positioning threshold and the maternity routing
# of R31).
GRADES = {
    "A": {"R12", "R36"},
    "C": {"R11", "R16", "R17a", "R17b", "R18", "R26b", "R28", "R31b", "R31d", "R32", "R34"},
}


def test_the_file_says_plainly_that_a_clinician_has_not_yet_reviewed_it() -> None:
    assert SPEC.clinical_review.startswith("NOT YET REVIEWED.")
    assert "registered clinician must review every rule" in SPEC.clinical_review
    assert "not a diagnosis" in SPEC.clinical_review


def test_every_answer_key_is_read_by_some_rule() -> None:
    read = set().union(*(keys_of(rule.trigger) for rule in RULESET.rules))
    assert set(KEY_KINDS) - {"date"} - read == set()
    assert {key.split(".")[0] for key in read} <= set(ANSWER_KEYS)


def test_every_adaptation_and_every_message_is_used() -> None:
    used = {key for rule in RULESET.rules for key in rule.spec.adaptations}
    assert set(SPEC.adaptations) - used - set(SPEC.standing_precautions) == set()
    said = {key for rule in RULESET.rules for key in rule.spec.messages}
    assert set(SPEC.messages) - said == set()


def test_each_rule_keeps_the_grade_the_research_note_gives_it() -> None:
    for rule in RULESET.rules:
        expected = next((grade for grade, ids in GRADES.items() if rule.id in ids), "B")
        assert rule.spec.grade == expected, rule.id


def test_every_count_of_days_the_note_marks_unsourced_is_stored_as_unsourced() -> None:
    for rule_id in ("R16", "R17a", "R17b", "R19", "R25", "R32"):
        spec = RULESET.rule(rule_id).spec
        assert spec.threshold_source is None, rule_id
        assert spec.threshold_note is not None and spec.threshold_note.startswith(UNSOURCED)


def test_the_unsourced_parts_inside_sourced_rules_are_named_in_their_grade_note() -> None:
    assert "no source" in (RULESET.rule("R15").spec.grade_note or "")
    assert "no source" in (RULESET.rule("R29").spec.grade_note or "")


def test_every_refer_says_where_to_send_the_client() -> None:
    for rule in RULESET.rules:
        if rule.spec.outcome == "REFER":
            assert rule.spec.messages, rule.id
        if rule.spec.urgency == "emergency_999":
            assert "call_999" in rule.spec.messages, rule.id


def test_the_uk_messages_give_the_standard_services_and_numbers() -> None:
    text = {key: message.text for key, message in SPEC.messages.items()}
    assert "Call 999 now" in text["call_999"]
    assert "must not drive" in text["call_999"]
    assert "NHS 111" in text["nhs_111_urgent"] and "111.nhs.uk" in text["nhs_111_urgent"]
    assert "NHS 111" in text["mental_health_111"] and "option 2" in text["mental_health_111"]
    assert "116 123" in text["samaritans"]
    assert "SHOUT to 85258" in text["shout"]
    assert "MS nurse or MS team" in text["ms_team"] and "GP" in text["ms_team"]
    assert "A&E" in text["a_and_e_today"]


def test_the_standing_precautions_include_no_neck_manipulation_for_every_client() -> None:
    assert SPEC.standing_precautions[0] == "ask_what_changed"
    assert "no_neck_manipulation" in SPEC.standing_precautions
