"""The screen: today's answers in, the strictest outcome and everything behind it out.

Every rule whose trigger holds fires. The outcome is the strictest of theirs, in the order
GO < ADAPT < DEFER < REFER, and a REFER's urgency is the strictest of the REFERs'
(``ms_team`` < ``urgent_same_day`` < ``emergency_999``). The adaptations are the union of the
fired rules' adaptations, in the rule file's order; so are the messages to show. A GO rule
fires only when nothing else did. Nothing here knows any particular rule: they are all data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from msrelief.screening import conditions
from msrelief.screening.answers import ANSWER_KEYS, Answers, parse_answers
from msrelief.screening.ruleset import Rule, Ruleset, default_ruleset

OUTCOMES = ("GO", "ADAPT", "DEFER", "REFER")
URGENCIES = ("ms_team", "urgent_same_day", "emergency_999")


def severity(outcome: str, urgency: str | None = None) -> int:
    """A number that orders outcomes from mildest (GO, 0) to strictest (REFER to 999, 5)."""
    rank = OUTCOMES.index(outcome)
    return rank + (URGENCIES.index(urgency) if outcome == "REFER" and urgency else 0)


@dataclass(frozen=True, slots=True)
class Adaptation:
    """One change to the session, with the answers' entries it applies to (``where``)."""

    key: str
    label: str
    where: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "where": list(self.where)}


@dataclass(frozen=True, slots=True)
class FiredRule:
    """A rule that fired, with everything a screen shows about it."""

    id: str
    title: str
    outcome: str
    urgency: str | None
    reason: str
    citations: tuple[str, ...]
    grade: str
    grade_note: str | None
    threshold_note: str | None
    threshold_source: tuple[str, ...] | None
    adaptations: tuple[str, ...]
    messages: tuple[str, ...]

    @property
    def severity(self) -> int:
        return severity(self.outcome, self.urgency)

    @classmethod
    def of(cls, rule: Rule) -> FiredRule:
        spec = rule.spec
        return cls(
            id=spec.id,
            title=spec.title,
            outcome=spec.outcome,
            urgency=spec.urgency,
            reason=spec.reason,
            citations=spec.citations,
            grade=spec.grade,
            grade_note=spec.grade_note,
            threshold_note=spec.threshold_note,
            threshold_source=spec.threshold_source,
            adaptations=spec.adaptations,
            messages=spec.messages,
        )

    def to_dict(self) -> dict[str, Any]:
        source = self.threshold_source
        return {
            "id": self.id,
            "title": self.title,
            "outcome": self.outcome,
            "urgency": self.urgency,
            "reason": self.reason,
            "citations": list(self.citations),
            "grade": self.grade,
            "grade_note": self.grade_note,
            "threshold_note": self.threshold_note,
            "threshold_source": None if source is None else list(source),
            "threshold_sourced": None if self.threshold_note is None else source is not None,
            "adaptations": list(self.adaptations),
            "messages": list(self.messages),
        }


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """What the screen found: the outcome, why, and what to do."""

    outcome: str
    urgency: str | None
    rules: tuple[FiredRule, ...]
    adaptations: tuple[Adaptation, ...]
    messages: tuple[tuple[str, str], ...]
    standing_precautions: tuple[Adaptation, ...]
    unanswered: tuple[str, ...]
    ruleset_version: str
    clinical_review: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``msrelief screen`` and ``POST /api/screen`` (docs/screening.md)."""
        return {
            "outcome": self.outcome,
            "urgency": self.urgency,
            "messages": [{"key": key, "text": text} for key, text in self.messages],
            "rules": [rule.to_dict() for rule in self.rules],
            "adaptations": [a.to_dict() for a in self.adaptations],
            "standing_precautions": [a.to_dict() for a in self.standing_precautions],
            "unanswered": list(self.unanswered),
            "ruleset_version": self.ruleset_version,
            "clinical_review": self.clinical_review,
        }


def screen(answers: object, ruleset: Ruleset | None = None) -> ScreenResult:
    """Screen one set of answers (a JSON object, or :class:`Answers`) with the rule file
    (default: the packaged one). Raises :class:`~msrelief.screening.errors.AnswersError`,
    naming each field, for bad input."""
    rules = ruleset or default_ruleset()
    checked = parse_answers(answers)
    return combine(fired(checked, rules), checked, rules)


def fired(answers: Answers, ruleset: Ruleset) -> list[Rule]:
    """The rules whose triggers hold, in file order (GO rules only when nothing else fired)."""
    found = [
        rule
        for rule in ruleset.rules
        if not rule.is_fallback and conditions.evaluate(rule.trigger, answers, others_fired=True)
    ]
    if found:
        return found
    return [
        rule
        for rule in ruleset.rules
        if rule.is_fallback and conditions.evaluate(rule.trigger, answers, others_fired=False)
    ]


def combine(rules: Sequence[Rule], answers: Answers, ruleset: Ruleset) -> ScreenResult:
    """The result of these fired rules: strictest outcome first, unions in file order."""
    fired_rules = sorted((FiredRule.of(rule) for rule in rules), key=lambda r: -r.severity)
    strictest = fired_rules[0] if fired_rules else None
    wanted = {key for rule in fired_rules for key in rule.adaptations}
    said = {key for rule in fired_rules for key in rule.messages}
    spec = ruleset.spec
    return ScreenResult(
        outcome=strictest.outcome if strictest else "GO",
        urgency=strictest.urgency if strictest else None,
        rules=tuple(fired_rules),
        adaptations=tuple(
            _adaptation(key, ruleset, answers) for key in spec.adaptations if key in wanted
        ),
        messages=tuple((key, m.text) for key, m in spec.messages.items() if key in said),
        standing_precautions=tuple(
            _adaptation(key, ruleset, answers) for key in spec.standing_precautions
        ),
        unanswered=_unanswered(answers),
        ruleset_version=ruleset.version,
        clinical_review=spec.clinical_review,
    )


def _adaptation(key: str, ruleset: Ruleset, answers: Answers) -> Adaptation:
    spec = ruleset.spec.adaptations[key]
    where = tuple(answers.value(spec.where)) if spec.where else ()
    return Adaptation(key=key, label=spec.label, where=where)


def _unanswered(answers: Answers) -> tuple[str, ...]:
    given = answers.model_fields_set
    return tuple(
        key
        for key in ANSWER_KEYS
        if key != "date" and (key not in given or getattr(answers, key) is None)
    )


def screen_json(answers: object) -> dict[str, Any]:
    """:func:`screen` for the command line and the API: JSON in, JSON-ready dict out."""
    return screen(answers).to_dict()
