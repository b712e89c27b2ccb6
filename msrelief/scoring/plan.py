"""A definition's scoring spec compiled into plain tuples for fast scoring.

Both the one-response path (:mod:`msrelief.scoring.engine`) and the matrix path
(:mod:`msrelief.scoring.vector`) read the same :class:`Plan`, so they cannot disagree about which
answers are allowed or how items are keyed. :mod:`msrelief.scoring.checks` has already verified
the spec when :func:`compile_plan` runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from msrelief.scoring.models import AnswerScale, DefinitionSpec, ItemSpec, ScoreSpec

BAND_EPSILON = 1e-9
"""Tolerance when comparing a score with a band boundary (guards against 13.999999999)."""


def format_number(value: float) -> str:
    """Show 3.0 as "3" and 1.5 as "1.5" in messages and labels."""
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return repr(value)


@dataclass(frozen=True)
class ItemRule:
    """Which answers one item accepts."""

    link_id: str
    index: int
    values: tuple[float, ...] | None
    low: float
    high: float
    integer: bool
    optional: bool
    unit: str | None

    def accepts(self, value: float) -> bool:
        if self.values is not None:
            return value in self.values
        if not self.low <= value <= self.high:
            return False
        return not self.integer or value == int(value)

    def describe(self) -> str:
        if self.values is not None:
            return "allowed values are " + ", ".join(format_number(v) for v in self.values)
        kind = "a whole number" if self.integer else "a number"
        unit = f" ({self.unit})" if self.unit else ""
        return f"allowed values are {kind} from {format_number(self.low)} to " + (
            f"{format_number(self.high)}{unit}"
        )


Case = tuple[frozenset[float] | None, dict[float, float]]
"""A conditional-recode case: pivot answers it applies to (None = pivot unanswered), and its map."""


@dataclass(frozen=True, eq=False)
class Recode:
    """How one item's answer becomes its keyed value."""

    kind: Literal["identity", "reverse", "map", "conditional"]
    pivot: float = 0.0
    mapping: dict[float, float] = field(default_factory=dict)
    on_index: int = -1
    cases: tuple[Case, ...] = ()

    def apply(self, value: float, answers: list[float | None]) -> float:
        if self.kind == "identity":
            return value
        if self.kind == "reverse":
            return self.pivot - value
        if self.kind == "map":
            return self.mapping[value]
        return self.case_for(answers[self.on_index])[value]

    def case_for(self, pivot_answer: float | None) -> dict[float, float]:
        for when, mapping in self.cases:
            if (when is None and pivot_answer is None) or (
                when is not None and pivot_answer in when
            ):
                return mapping
        raise AssertionError("conditional map cases were checked to cover every answer")


@dataclass(frozen=True)
class ScorePlan:
    """How one score (the total or a subscale) is computed from keyed item values."""

    name: str
    label: str
    indices: tuple[int, ...]
    aggregate: Literal["sum", "mean", "max", "algorithm"]
    min_answered: int
    impute: bool
    factor: float
    offset: float
    low: float
    high: float
    direction: str
    band_from: tuple[float, ...]
    band_labels: tuple[str, ...]
    rule_note: str

    def transform(self, value: float) -> float:
        return value * self.factor + self.offset

    def band(self, value: float) -> str | None:
        label: str | None = None
        for start, name in zip(self.band_from, self.band_labels, strict=True):
            if value >= start - BAND_EPSILON:
                label = name
        return label


@dataclass(frozen=True)
class SafetyPlan:
    """Raise ``code`` when the item's answer is at least ``at_least``, or, for a rule with
    ``unanswered``, when the item was left blank."""

    index: int
    at_least: float | None
    unanswered: bool
    code: str
    message: str

    def fires(self, answer: float | None) -> bool:
        if self.unanswered:
            return answer is None
        return answer is not None and self.at_least is not None and answer >= self.at_least


@dataclass(frozen=True)
class Plan:
    code: str
    version_label: str
    algorithm: str
    items: tuple[ItemRule, ...]
    index: dict[str, int]
    recodes: tuple[Recode, ...]
    scores: tuple[ScorePlan, ...]
    safety: tuple[SafetyPlan, ...]

    @property
    def total(self) -> ScorePlan | None:
        for plan in self.scores:
            if plan.name == "total":
                return plan
        return None


def _item_rule(item: ItemSpec, index: int, scale: AnswerScale) -> ItemRule:
    if scale.values is not None:
        values = tuple(sorted(scale.values))
        return ItemRule(
            item.link_id, index, values, values[0], values[-1], False, item.optional, scale.unit
        )
    assert scale.min is not None and scale.max is not None
    return ItemRule(
        item.link_id, index, None, scale.min, scale.max, scale.integer, item.optional, scale.unit
    )


def _floats(mapping: dict[str, float]) -> dict[float, float]:
    return {float(key): float(value) for key, value in mapping.items()}


def _recode(item: ItemSpec, rule: ItemRule, index: dict[str, int]) -> Recode:
    keying = item.keying
    if keying is None:
        return Recode("identity")
    if keying.reverse:
        return Recode("reverse", pivot=rule.low + rule.high)
    if keying.map is not None:
        return Recode("map", mapping=_floats(keying.map))
    assert keying.conditional_map is not None
    cases = tuple(
        (None if case.when_missing else frozenset(case.when or ()), _floats(case.map))
        for case in keying.conditional_map.cases
    )
    return Recode("conditional", on_index=index[keying.conditional_map.on], cases=cases)


def _affine(score: ScoreSpec) -> tuple[float, float]:
    transform = score.transform
    if transform is None:
        return 1.0, 0.0
    if transform.multiply is not None:
        return transform.multiply, 0.0
    assert transform.rescale_from is not None and transform.rescale_to is not None
    (a, b), (c, d) = transform.rescale_from, transform.rescale_to
    factor = (d - c) / (b - a)
    return factor, c - a * factor


def _score_plan(score: ScoreSpec, index: dict[str, int]) -> ScorePlan:
    factor, offset = _affine(score)
    bands = score.bands or ()
    return ScorePlan(
        name=score.name,
        label=score.label,
        indices=tuple(index[link] for link in score.items),
        aggregate=score.aggregate,
        min_answered=score.missing.min_answered,
        impute=score.missing.impute == "person_mean",
        factor=factor,
        offset=offset,
        low=score.range[0],
        high=score.range[1],
        direction=score.direction,
        band_from=tuple(band.from_ for band in bands),
        band_labels=tuple(band.label for band in bands),
        rule_note=score.missing.note,
    )


def compile_plan(spec: DefinitionSpec) -> Plan:
    """Turn a checked definition into the structure the scorers read."""
    scoring = spec.scoring
    index = {item.link_id: position for position, item in enumerate(scoring.items)}
    rules = tuple(
        _item_rule(item, position, scoring.answer_scales[item.scale])
        for position, item in enumerate(scoring.items)
    )
    recodes = tuple(
        _recode(item, rule, index) for item, rule in zip(scoring.items, rules, strict=True)
    )
    safety = tuple(
        SafetyPlan(index[rule.item], rule.at_least, rule.unanswered, rule.code, rule.message)
        for rule in scoring.safety
    )
    return Plan(
        code=spec.code,
        version_label=f"{spec.code}@{spec.version}/{scoring.version}",
        algorithm=scoring.algorithm,
        items=rules,
        index=index,
        recodes=recodes,
        scores=tuple(_score_plan(score, index) for score in scoring.scores),
        safety=safety,
    )
