"""Properties that must hold for every instrument, checked with hypothesis:

* any valid answer set scores within each score's declared range;
* raising an answer moves each score that uses the item in the keyed direction, so a
  reverse-scored item lowers it (PSS-10 items 4, 5, 7, 8; SF-36 and RAND-36 reversed items);
* the matrix path equals the one-response path, row by row (scores, bands, missing, prorated,
  and which rows can be scored at all).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msrelief.scoring import Definition, ScoreResult, ScoringError, load_registry, score, score_many
from msrelief.scoring.plan import Recode
from msrelief.scoring.tests.strategies import Answers, answers_for, to_matrix

DEFINITIONS = sorted(load_registry().by_version.values(), key=lambda d: d.key)
PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def by_key(definitions: list[Definition]) -> list[str]:
    return [definition.key for definition in definitions]


def all_scores(result: ScoreResult) -> dict[str, float | None]:
    return {"total": result.total, **result.subscales}


def assert_within_range(definition: Definition, result: ScoreResult) -> None:
    for name, value in all_scores(result).items():
        if value is None:
            continue
        low, high = definition.score_spec(name).range
        assert low - 1e-9 <= value <= high + 1e-9, (name, value)


@pytest.mark.parametrize("definition", DEFINITIONS, ids=by_key(DEFINITIONS))
@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_complete_valid_answer_set_scores_within_the_declared_range(
    definition: Definition, data: st.DataObject
) -> None:
    answers = data.draw(answers_for(definition, missing=False))
    assert_within_range(definition, score(definition, answers))


@pytest.mark.parametrize("definition", DEFINITIONS, ids=by_key(DEFINITIONS))
@PROPERTY_SETTINGS
@given(data=st.data())
def test_a_partial_answer_set_either_scores_within_range_or_raises_a_scoring_error(
    definition: Definition, data: st.DataObject
) -> None:
    answers = data.draw(answers_for(definition, missing=True))
    try:
        result = score(definition, answers)
    except ScoringError as error:
        assert "needs at least" in str(error)
        return
    assert_within_range(definition, result)


def keyed_direction(recode: Recode, low: float, high: float) -> int:
    """+1 if a higher answer gives a higher keyed value, -1 if lower (reverse-scored)."""
    if recode.kind == "reverse":
        return -1
    if recode.kind == "map":
        return 1 if recode.mapping[high] > recode.mapping[low] else -1
    return 1


MOVABLE = [
    (definition, rule.link_id)
    for definition in DEFINITIONS
    if definition.plan.algorithm == "standard"
    for rule, recode in zip(definition.plan.items, definition.plan.recodes, strict=True)
    if recode.kind != "conditional" and any(rule.index in s.indices for s in definition.plan.scores)
]


@pytest.mark.parametrize(
    ("definition", "link"), MOVABLE, ids=[f"{d.key}-item{link}" for d, link in MOVABLE]
)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_raising_an_answer_moves_each_score_in_the_keyed_direction(
    definition: Definition, link: str, data: st.DataObject
) -> None:
    plan = definition.plan
    rule = plan.items[plan.index[link]]
    answers = data.draw(answers_for(definition, missing=False))
    low = score(definition, answers | {link: rule.low})
    high = score(definition, answers | {link: rule.high})
    sign = keyed_direction(plan.recodes[rule.index], rule.low, rule.high)
    for plan_score in plan.scores:
        if rule.index not in plan_score.indices:
            continue
        before, after = all_scores(low)[plan_score.name], all_scores(high)[plan_score.name]
        assert before is not None and after is not None
        moved = (after - before) * sign * plan_score.factor
        assert moved >= -1e-9 if plan_score.aggregate == "max" else moved > 0


def test_the_pss10_reverse_items_are_the_ones_found_moving_the_score_down() -> None:
    definition = next(d for d in DEFINITIONS if d.code == "pss10")
    reverse = [
        rule.link_id
        for rule, recode in zip(definition.plan.items, definition.plan.recodes, strict=True)
        if keyed_direction(recode, rule.low, rule.high) < 0
    ]
    assert reverse == ["4", "5", "7", "8"]


def same(a: float | None, b: float) -> bool:
    if a is None:
        return math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


def assert_row_matches(definition: Definition, answers: Answers, many: object, row: int) -> None:
    from msrelief.scoring import ManyResult

    assert isinstance(many, ManyResult)
    try:
        single = score(definition, answers)
    except ScoringError:
        assert not many.scorable[row]
        assert math.isnan(many.totals[row])
        return
    assert many.scorable[row]
    assert same(single.total, many.totals[row])
    assert single.band == many.bands[row]
    for name, value in single.subscales.items():
        assert same(value, many.subscales[name][row]), name
    for name, band in single.subscale_bands.items():
        assert band == many.subscale_bands[name][row], name
    assert single.missing == many.missing[row]
    assert single.prorated == bool(many.prorated[row])


@pytest.mark.parametrize("definition", DEFINITIONS, ids=by_key(DEFINITIONS))
@PROPERTY_SETTINGS
@given(data=st.data())
def test_the_matrix_path_equals_scoring_one_response_at_a_time(
    definition: Definition, data: st.DataObject
) -> None:
    rows = data.draw(st.lists(answers_for(definition, missing=True), min_size=1, max_size=12))
    many = score_many(definition, to_matrix(definition, rows))
    assert many.version == definition.scoring_version
    for row, answers in enumerate(rows):
        assert_row_matches(definition, answers, many, row)
