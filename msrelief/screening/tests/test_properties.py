"""Properties of the screen that hold for any answers: the strictest outcome wins, adding an
answer never makes the outcome milder, and the adaptations are the union of the fired rules'."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from msrelief.screening import default_ruleset, parse_answers, screen, severity
from msrelief.screening.engine import combine
from msrelief.screening.tests.strategies import answers, answers_and_one_more

RULESET = default_ruleset()
ORDER = list(RULESET.spec.adaptations)
NOT_GO = [rule for rule in RULESET.rules if not rule.is_fallback]


def level(result: Any) -> int:
    return severity(result.outcome, result.urgency)


@given(answers())
def test_the_outcome_is_the_strictest_outcome_among_the_fired_rules(raw: dict[str, Any]) -> None:
    result = screen(raw)
    assert result.rules, "some rule always fires (GO when nothing else does)"
    assert level(result) == max(rule.severity for rule in result.rules)
    assert [rule.severity for rule in result.rules] == sorted(
        (rule.severity for rule in result.rules), reverse=True
    )
    if result.outcome == "REFER":
        assert result.urgency is not None
    else:
        assert result.urgency is None


@given(answers_and_one_more())
def test_adding_an_answer_never_makes_the_outcome_milder_nor_removes_a_rule(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    before, after = (screen(raw) for raw in pair)
    assert level(after) >= level(before)
    kept = {rule.id for rule in before.rules if rule.outcome != "GO"}
    assert kept <= {rule.id for rule in after.rules}


@given(answers())
def test_the_adaptations_are_the_union_of_the_fired_rules_in_the_files_order(
    raw: dict[str, Any],
) -> None:
    result = screen(raw)
    union = {key for rule in result.rules for key in rule.adaptations}
    keys = [a.key for a in result.adaptations]
    assert set(keys) == union
    assert keys == sorted(keys, key=ORDER.index)
    said = {key for rule in result.rules for key in rule.messages}
    assert {key for key, _ in result.messages} == said


@given(
    st.lists(st.sampled_from(NOT_GO), unique_by=lambda r: r.id),
    st.sampled_from(NOT_GO),
)
def test_adding_a_fired_rule_never_makes_the_combined_outcome_milder(
    rules: list[Any], one_more: Any
) -> None:
    checked = parse_answers({"date": "2025-06-10"})
    before = combine(rules, checked, RULESET)
    after = combine([*rules, one_more], checked, RULESET)
    assert level(after) >= level(before)
    assert level(after) == max(
        level(before), severity(one_more.spec.outcome, one_more.spec.urgency)
    )
