"""Hypothesis strategies that produce valid answers for any packaged definition."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st

from msrelief.scoring import Definition
from msrelief.scoring.plan import ItemRule

Answers = dict[str, float]


def value_for(rule: ItemRule) -> st.SearchStrategy[float]:
    """Any value the item accepts (ranges drawn on a 0.25 grid, like real entries)."""
    if rule.values is not None:
        return st.sampled_from(rule.values)
    if rule.integer:
        return st.integers(int(rule.low), int(rule.high)).map(float)
    steps = int((rule.high - rule.low) * 4)
    return st.integers(0, steps).map(lambda k: rule.low + k / 4)


@st.composite
def psqi_answers(draw: st.DrawFn, definition: Definition, missing: bool) -> Answers:
    """PSQI answers whose hours asleep never exceed the time in bed."""
    answers: Answers = {}
    for rule in definition.plan.items:
        if rule.link_id in ("1", "3", "4"):
            continue
        if (missing or rule.optional) and draw(st.booleans()):
            continue
        answers[rule.link_id] = draw(value_for(rule))
    bedtime = draw(st.integers(0, 95)) / 4
    in_bed = draw(st.integers(1, 95)) / 4
    answers["1"], answers["3"] = bedtime, (bedtime + in_bed) % 24
    answers["4"] = draw(st.integers(0, int(in_bed * 4))) / 4
    if missing:
        for link in ("1", "3", "4"):
            if draw(st.integers(0, 5)) == 0:
                del answers[link]
    return answers


@st.composite
def answers_for(draw: st.DrawFn, definition: Definition, missing: bool = True) -> Answers:
    """A dict of valid answers; with ``missing`` some items are left out."""
    if definition.plan.algorithm == "psqi":
        return draw(psqi_answers(definition, missing))
    answers: Answers = {}
    for rule in definition.plan.items:
        if missing and draw(st.integers(0, 7)) == 0:
            continue
        answers[rule.link_id] = draw(value_for(rule))
    return answers


def to_matrix(definition: Definition, rows: list[Answers]) -> np.ndarray:
    """Rows of answer dicts as the matrix score_many takes (NaN = unanswered)."""
    matrix = np.full((len(rows), len(definition.item_ids)), math.nan)
    for row, answers in enumerate(rows):
        for column, link in enumerate(definition.item_ids):
            if link in answers:
                matrix[row, column] = answers[link]
    return matrix
