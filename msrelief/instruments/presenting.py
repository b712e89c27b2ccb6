"""Measures in plain words for staff pages: a stored score as each score's label, value and band
(and, for a score left empty, which questions were blank and the rule that needs them); a
client's safety flags grouped by state."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from msrelief.instruments.models import FlagState, SafetyFlag, Score
from msrelief.scoring.definition import Definition

NO_VALUE = "\N{EN DASH}"


def score_number(value: float | int | None) -> str:
    """Scores as people write them: 14.0 -> "14", 12.5 -> "12.5", 66.66667 -> "66.7"; a
    missing value is an en dash."""
    if value is None:
        return NO_VALUE
    number = float(value)
    if not math.isfinite(number):
        return NO_VALUE
    if abs(number - round(number)) < 1e-9:
        return str(round(number))
    return f"{number:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class ScoreLine:
    name: str
    label: str
    value: float | None
    band: str | None


@dataclass(frozen=True)
class Summary:
    """``lines`` holds the scores that have a value; ``reasons`` one sentence per empty score;
    ``scored`` is False when the primary score (the total, or every subscale) is empty."""

    lines: tuple[ScoreLine, ...]
    reasons: tuple[str, ...]
    scored: bool
    missing: int
    prorated: bool
    scoring_version: str


def _questions(items: list[str]) -> str:
    if len(items) == 1:
        return f"question {items[0]} was"
    return f"questions {', '.join(items[:-1])} and {items[-1]} were"


def reason(shortfall: dict[str, Any]) -> str:
    """One stored shortfall as a sentence: "Total score: needs all 9 questions answered;
    question 9 was left blank. Rule: …"."""
    needed, of = int(shortfall["needed"]), int(shortfall["of"])
    blanks = [str(item) for item in shortfall.get("unanswered") or []]
    if needed >= of:
        need = f"needs all {of} questions answered"
    else:
        need = f"needs at least {needed} of its {of} questions answered"
    blank = f"; {_questions(blanks)} left blank" if blanks else ""
    rule = str(shortfall.get("rule") or "").strip()
    return f"{shortfall['label']}: {need}{blank}." + (f" Rule: {rule}" if rule else "")


def summarise(definition: Definition, score: Score) -> Summary:
    values = {"total": score.total, **score.subscales}
    lines = []
    for spec, plan in zip(definition.spec.scoring.scores, definition.plan.scores, strict=True):
        value = values.get(spec.name)
        if value is None:
            continue
        band = (score.band or None) if spec.name == "total" else plan.band(value)
        lines.append(ScoreLine(spec.name, spec.label, value, band))
    names = set(definition.score_names)
    primary = ["total"] if "total" in names else sorted(names)
    scored = any(values.get(name) is not None for name in primary)
    return Summary(
        lines=tuple(lines),
        reasons=tuple(reason(s) for s in score.shortfalls),
        scored=scored,
        missing=score.missing,
        prorated=score.prorated,
        scoring_version=score.scoring_version,
    )


def summary_html(summary: Summary | None) -> SafeString:
    """A summary as the staff pages print it: each score with its band, "Not scored" when the
    primary score is empty, the reason for each empty score; an en dash for no score at all.
    (``instruments/_score_summary.html`` and the Measures page's rows both print this.)"""
    if not summary:
        return mark_safe(NO_VALUE)  # noqa: S308 - a constant
    parts = [] if summary.scored else [mark_safe("<strong>Not scored</strong>")]
    if summary.lines:
        items = format_html_join(
            "",
            "<li>{} {}{}</li>",
            (
                (line.label, score_number(line.value), f" ({line.band})" if line.band else "")
                for line in summary.lines
            ),
        )
        parts.append(format_html('<ul class="plain score-lines">{}</ul>', items))
    if summary.reasons:
        items = format_html_join("", "<li>{}</li>", ((reason,) for reason in summary.reasons))
        parts.append(format_html('<ul class="plain hint score-reasons">{}</ul>', items))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def flag_groups(flags: Iterable[SafetyFlag]) -> dict[str, list[SafetyFlag]]:
    """Flags by state, each group newest first: ``{"new": …, "acknowledged": …, "resolved": …}``."""
    groups: dict[str, list[SafetyFlag]] = {state: [] for state in FlagState.values}
    for flag in sorted(flags, key=lambda f: (f.raised_at, f.pk), reverse=True):
        groups[flag.state].append(flag)
    return groups
