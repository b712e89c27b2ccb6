"""Score one response: :func:`score` returns a :class:`ScoreResult`.

The rules come from each instrument's definition file, which cites its source for every rule
(item keys, reverse items, transforms, missing-item rule, bands). The steps are the same for every
"standard" instrument:

1. Check each answer: the item must exist and the value must be one the item allows.
2. Key each answer: reverse (``low + high - answer``, e.g. PSS-10 items 4, 5, 7, 8 after Cohen's
   scoring page), map (e.g. RAND-36 items to 0-100) or a map that depends on another item (SF-36
   bodily pain).
3. For each score, count answered items. Below the score's ``min_answered`` the score is None.
   A sum over fewer than all items is prorated by person-mean imputation (sum of answered x
   items / answered), and the result says ``prorated``.
4. Apply the transform (e.g. DASS-21 x 2; MSWS-12 (sum - 12) / 48 x 100) and look up the band.

A response is scored when its primary score exists: the total where the instrument has one,
otherwise at least one subscale. If not, :func:`score` raises :class:`IncompleteError`, which says
which items are missing and which rule applies, so a partial response never yields a silently low
total. A stored response is kept even then: ``score(..., allow_unscored=True)`` returns a result
with no scores whose ``shortfalls`` say, per score, what was needed, so a page can say "not
scored" and why. Each score left empty for want of answers is listed in ``shortfalls`` either way.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

from msrelief.scoring.definition import Definition
from msrelief.scoring.errors import ScoringError
from msrelief.scoring.plan import Plan, ScorePlan, format_number
from msrelief.scoring.psqi import score_components
from msrelief.scoring.registry import get_definition


@dataclass(frozen=True)
class Alert:
    """An answer a clinician must see whatever the score (e.g. PHQ-9 item 9 above zero)."""

    code: str
    item: str
    message: str


@dataclass(frozen=True)
class Shortfall:
    """Why one score is empty: it needs ``needed`` of its ``of`` items and these were blank."""

    score: str
    label: str
    needed: int
    of: int
    unanswered: tuple[str, ...]
    rule: str

    def to_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "label": self.label,
            "needed": self.needed,
            "of": self.of,
            "unanswered": list(self.unanswered),
            "rule": self.rule,
        }


class IncompleteError(ScoringError):
    """Too many unanswered items for the primary score; ``shortfalls`` says which and why."""

    def __init__(self, message: str, shortfalls: tuple[Shortfall, ...]) -> None:
        super().__init__(message)
        self.shortfalls = shortfalls


@dataclass(frozen=True)
class ScoreResult:
    """The scores of one response.

    ``to_dict()`` gives exactly the stored, JSON-ready fields. ``subscale_bands`` and ``alerts``
    are extra views for screens and are not part of that dictionary. ``shortfalls`` names every
    score left empty for want of answers; ``scored`` is False when that includes the primary
    score (only possible with ``allow_unscored``).
    """

    total: float | None
    subscales: dict[str, float | None]
    band: str | None
    missing: int
    prorated: bool
    version: str
    subscale_bands: dict[str, str | None] = field(default_factory=dict)
    alerts: tuple[Alert, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()
    scored: bool = True

    def to_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "subscales": dict(self.subscales),
            "band": self.band,
            "missing": self.missing,
            "prorated": self.prorated,
            "version": self.version,
        }


def resolve(definition_or_code: Definition | str) -> Definition:
    """Accept a Definition, a code (latest version) or ``code@version``."""
    if isinstance(definition_or_code, Definition):
        return definition_or_code
    try:
        return get_definition(definition_or_code)
    except KeyError as error:
        raise ScoringError(str(error.args[0])) from None


def read_answers(plan: Plan, answers: Mapping[str, float]) -> list[float | None]:
    """Validate answers and place them in item order (None = unanswered)."""
    values: list[float | None] = [None] * len(plan.items)
    for key, value in answers.items():
        position = plan.index.get(key) if isinstance(key, str) else None
        if position is None:
            known = ", ".join(rule.link_id for rule in plan.items)
            shown = key if not isinstance(key, str) or len(key) <= 40 else key[:40] + "..."
            raise ScoringError(f"{plan.code}: unknown item {shown!r}; the items are {known}")
        rule = plan.items[position]
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ScoringError(
                f"{plan.code} item {key}: {value!r} is not a number; {rule.describe()}"
            )
        try:
            number = float(value)
        except OverflowError:  # an integer beyond float range (JSON integers have no limit)
            number = math.inf
        if not math.isfinite(number) or not rule.accepts(number):
            raise ScoringError(
                f"{plan.code} item {key}: {format_number(number)} is not allowed; {rule.describe()}"
            )
        values[position] = number
    return values


def _aggregate(score: ScorePlan, keyed: list[float | None]) -> tuple[float | None, bool]:
    present = [value for i in score.indices if (value := keyed[i]) is not None]
    count, size = len(present), len(score.indices)
    if count < score.min_answered:
        return None, False
    if score.aggregate == "max":
        return score.transform(max(present)), False
    raw = sum(present)
    if score.aggregate == "mean":
        raw = raw / count
    elif count < size:
        raw = raw * size / count
    return score.transform(raw), count < size


def standard_scores(plan: Plan, values: list[float | None]) -> tuple[dict[str, float | None], bool]:
    """Every score of a standard instrument, and whether any was prorated."""
    keyed = [
        None if value is None else recode.apply(value, values)
        for value, recode in zip(values, plan.recodes, strict=True)
    ]
    results: dict[str, float | None] = {}
    prorated = False
    for score in plan.scores:
        results[score.name], imputed = _aggregate(score, keyed)
        prorated = prorated or imputed
    return results, prorated


def _shortfall(plan: Plan, values: list[float | None], score: ScorePlan) -> Shortfall:
    absent = tuple(plan.items[i].link_id for i in score.indices if values[i] is None)
    return Shortfall(
        score.name, score.label, score.min_answered, len(score.indices), absent, score.rule_note
    )


def _incomplete(plan: Plan, shortfalls: tuple[Shortfall, ...]) -> IncompleteError:
    parts = [
        f"'{s.score}' needs at least {s.needed} of {s.of} items answered but has "
        f"{s.of - len(s.unanswered)} (unanswered: {', '.join(s.unanswered) or 'none'}; "
        f"rule: {s.rule})"
        for s in shortfalls
    ]
    return IncompleteError(
        f"{plan.code}: too many unanswered items to score: " + "; ".join(parts), shortfalls
    )


def _alerts(plan: Plan, values: list[float | None]) -> tuple[Alert, ...]:
    return tuple(
        Alert(rule.code, plan.items[rule.index].link_id, rule.message)
        for rule in plan.safety
        if rule.fires(values[rule.index])
    )


def build_result(
    plan: Plan,
    values: list[float | None],
    scores: dict[str, float | None],
    prorated: bool,
    allow_unscored: bool = False,
) -> ScoreResult:
    """Check the primary score exists (or, with ``allow_unscored``, say why not), then assemble
    the result."""
    total_plan = plan.total
    subscale_plans = tuple(s for s in plan.scores if s.name != "total")
    shortfalls = tuple(_shortfall(plan, values, s) for s in plan.scores if scores[s.name] is None)
    if total_plan is not None:
        scored = scores["total"] is not None
        primary = tuple(s for s in shortfalls if s.score == "total")
    else:
        scored = any(scores[s.name] is not None for s in subscale_plans)
        primary = shortfalls
    if not scored and not allow_unscored:
        raise _incomplete(plan, primary)
    total = scores.get("total")
    subscales = {s.name: scores[s.name] for s in subscale_plans}
    return ScoreResult(
        total=total,
        subscales=subscales,
        band=None if total_plan is None or total is None else total_plan.band(total),
        missing=sum(
            1 for v, rule in zip(values, plan.items, strict=True) if v is None and not rule.optional
        ),
        prorated=prorated,
        version=plan.version_label,
        subscale_bands={
            s.name: None if (value := subscales[s.name]) is None else s.band(value)
            for s in subscale_plans
            if s.band_labels
        },
        alerts=_alerts(plan, values),
        shortfalls=shortfalls,
        scored=scored,
    )


def score(
    definition_or_code: Definition | str,
    answers: Mapping[str, float],
    *,
    allow_unscored: bool = False,
) -> ScoreResult:
    """Score one response.

    ``answers`` maps the item number as a string ("1", "2", ... or "5a" for the PSQI) to the
    manual's numeric answer value (PHQ-9 0-3, MFIS 0-4, FSS 1-7); leave an unanswered item out.
    Raises :class:`ScoringError` for an unknown item or a value the item does not allow, and
    :class:`IncompleteError` for too many unanswered items under the instrument's rule, unless
    ``allow_unscored`` asks for an unscored result (with its ``shortfalls``) instead.
    """
    definition = resolve(definition_or_code)
    plan = definition.plan
    values = read_answers(plan, answers)
    if plan.algorithm == "psqi":
        components = score_components(plan, values)
        return build_result(plan, values, components, False, allow_unscored)
    scores, prorated = standard_scores(plan, values)
    return build_result(plan, values, scores, prorated, allow_unscored)
