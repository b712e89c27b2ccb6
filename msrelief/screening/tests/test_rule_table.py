"""Table tests: every rule fires on its trigger, with its outcome and adaptations, and stays
quiet on the other side of it (the edge of every threshold included)."""

from __future__ import annotations

from typing import Any

import pytest

from msrelief.screening import default_ruleset
from msrelief.screening.tests.helpers import fired_ids, run
from msrelief.screening.tests.rule_table import CASES, EXPECTED, QUIET

RULE_IDS = [rule.id for rule in default_ruleset().rules]


def label(case: tuple[Any, ...]) -> str:
    return f"{case[0]}-{sorted(case[1].items())}"


def test_the_table_gives_every_rule_its_outcome_a_firing_case_and_a_quiet_case() -> None:
    assert sorted(EXPECTED) == sorted(RULE_IDS)
    assert {rule for rule, _, _ in CASES} == set(RULE_IDS)
    assert {rule for rule, _ in QUIET} == set(RULE_IDS)


@pytest.mark.parametrize(("rule_id", "extra", "also"), CASES, ids=[label(c) for c in CASES])
def test_each_rule_fires_on_its_trigger_with_its_outcome_and_adaptations(
    rule_id: str, extra: dict[str, Any], also: set[str]
) -> None:
    result = run(**extra)
    assert fired_ids(result) == {rule_id} | also
    (outcome, urgency), adaptations = EXPECTED[rule_id]
    fired = next(rule for rule in result.rules if rule.id == rule_id)
    assert (fired.outcome, fired.urgency) == (outcome, urgency)
    assert fired.adaptations == adaptations
    if not also:
        assert (result.outcome, result.urgency) == (outcome, urgency)
        assert {a.key for a in result.adaptations} == set(adaptations)


@pytest.mark.parametrize(("rule_id", "extra"), QUIET, ids=[label(c) for c in QUIET])
def test_each_rule_stays_quiet_on_the_other_side_of_its_trigger(
    rule_id: str, extra: dict[str, Any]
) -> None:
    assert rule_id not in fired_ids(run(**extra))


def test_answers_without_any_flag_are_a_go_under_r35() -> None:
    result = run()
    assert (result.outcome, result.urgency) == ("GO", None)
    assert [rule.id for rule in result.rules] == ["R35"]
    assert result.adaptations == ()


def test_the_areas_with_reduced_feeling_are_named_in_their_adaptations() -> None:
    result = run(sensory_loss_areas=["left foot", "right hand"])
    where = {a.key: a.where for a in result.adaptations}
    assert where["sensory_areas_light_pressure"] == ("left foot", "right hand")
    assert where["sensory_areas_no_heat_or_cold"] == ("left foot", "right hand")
    assert where["check_skin"] == ()


def test_the_injection_sites_are_named_in_their_adaptation() -> None:
    result = run(injection_sites=["abdomen", "left thigh"])
    assert [(a.key, a.where) for a in result.adaptations] == [
        ("avoid_injection_sites", ("abdomen", "left thigh"))
    ]
