"""The clinic's practice row beside each meta-analysis the stored studies allow
(:func:`msrelief.evidence.seeded.find`), when the two can be drawn on one axis, and why not
when they cannot.

The rule (:func:`comparable`, in this order; the first that fails is the reason shown):

1. the trials are pooled as a standardised difference (Hedges' g);
2. every pooled result, of every study and both groups, names the same msrelief instrument and
   score (``Result.instrument_code`` and ``score_name``; an empty score name is the
   instrument's only score), so the construct maps to one score of the clinic's;
3. the studies state which direction is better, and it is the direction msrelief scores that
   score in, so that the favourable side of the plot is known and is the same for both;
4. the clinic has at least two clients with a baseline and an end on that score (in the
   selection);
5. the clinic's change can be put on the trials' scale: as a standardised mean change with
   the raw-score standardiser (SMCR, Becker 1988; Morris 2008: change / baseline SD, in SD
   units like Hedges' g), which needs three clients, scores that vary at baseline and at the
   end, and a pre-post correlation strictly between -1 and 1. The mean change in points is
   never drawn on a Hedges' g axis.

Even then the two are not the same quantity: Hedges' g is a randomised difference between
groups at follow-up, the SMCR a change within one group over time. The row is labelled so.

Sign: Hedges' g is massage minus comparator and the SMCR end minus baseline, so on a score
where lower is better both are negative when things go well, and the practice row falls on
the side that favours massage; likewise above zero where higher is better.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from msrelief.accounts.models import Clinic
from msrelief.charts import render
from msrelief.charts.forest import Practice, forest_chart
from msrelief.evidence import instruments, seeded
from msrelief.evidence.analysis import Analysis
from msrelief.reports.cohort.practice import practice_estimate
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.scoring import get_definition
from msrelief.scoring.contract import number_text
from msrelief.stats.cohort import PracticeChange

__all__ = ["NOT_COMPARABLE", "Beside", "Score", "beside_trials", "comparable", "practice_text"]

#: How the practice row is labelled, on the plot, in its description and in its table.
NOT_COMPARABLE = (
    "The clinic's row is observational: a change within one group of clients over time, not "
    "comparable to the randomised difference between groups that the trials measure."
)
#: The practice row's label on the plot (the chart adds "(observational)"); short enough to
#: be read whole in the wide layout. The table adds what it is and how many clients.
PRACTICE_LABEL = "This clinic"
#: The fewest clients with a baseline and an end for a practice row.
MIN_CLIENTS = 2


@dataclass(frozen=True)
class Score:
    """The one msrelief score that every pooled result of an analysis reports."""

    instrument: str
    name: str
    title: str  # "FSS total score"
    unit: str  # of a change in the score's own units: "points", "m"


@dataclass(frozen=True, eq=False)
class Beside:
    """One stored meta-analysis, with the clinic's practice row or the reason it has none."""

    construct: str
    analysis: Analysis
    rows: tuple[seeded.Row, ...]
    score: Score | None
    practice: PracticeChange | None
    reason: str  # why there is no practice row; "" when there is one
    wide_svg: SafeString
    compact_svg: SafeString
    description: str
    table: tuple[Mapping[str, Any], ...]  # the forest plot's rows (forest.COLUMNS)

    @property
    def shown(self) -> bool:
        return not self.reason

    @property
    def change_text(self) -> str:
        """The clinic's change in words, when it has a row."""
        if self.practice is None or self.score is None:
            return ""
        return practice_text(self.practice, self.score.unit)

    @property
    def time_points(self) -> str:
        """The follow-up each study was pooled at, in words."""
        return "; ".join(f"{row.study.key}: {row.time_point}" for row in self.rows)


def _score_of(rows: list[seeded.Row]) -> tuple[Score | None, str]:
    pairs = {(r.instrument_code, r.score_name) for row in rows for r in row.results}
    if any(not code for code, _ in pairs):
        unnamed = sorted({row.study.key for row in rows for r in row.results
                          if not r.instrument_code})  # fmt: skip
        return None, (
            f"the results of {', '.join(unnamed)} do not name an instrument msrelief scores, "
            "so the outcome does not map to one of the clinic's scores"
        )
    resolved = {(code, name or instruments.sole_score(code) or "") for code, name in pairs}
    if len(resolved) > 1:
        named = ", ".join(
            f"{code} {name or '(score not named)'}" for code, name in sorted(resolved)
        )
        return None, f"the pooled results report different instruments or scores ({named})"
    ((code, name),) = resolved
    if not name:
        return None, f"{code} has several scores and the results do not say which one"
    shown = get_definition(code).presentation(name)
    title = f"{shown.short_title} {shown.label.lower()}"
    return Score(code, name, title, shown.unit or "points"), ""


def _direction_problem(analysis: Analysis, score: Score) -> str:
    if analysis.better is None:
        return (
            "the studies do not say whether lower or higher is better, so the side that "
            "favours massage is not known"
        )
    scored = get_definition(score.instrument).presentation(score.name).direction
    if (analysis.better == "lower") != (scored == "lower_is_better"):
        return (
            f"the studies record that {analysis.better} is better, but msrelief scores "
            f"{score.title} the other way round"
        )
    return ""


def _practice_problem(practice: PracticeChange | None, score: Score) -> str:
    n = 0 if practice is None else practice.n
    if n < MIN_CLIENTS:
        return (
            f"{n} of the clinic's clients {'has' if n == 1 else 'have'} a baseline and an end "
            f"on {score.title} in this selection; the row needs at least {MIN_CLIENTS}"
        )
    assert practice is not None
    if practice.smcr is None or practice.smcr_ci is None:
        return (
            f"the clinic's change on {score.title} cannot be standardised (it needs at least "
            "3 clients, scores that vary at baseline and at the end, and baseline and end "
            "scores that are not perfectly correlated), and a change in points cannot be "
            "drawn on a Hedges' g axis"
        )
    return ""


class PracticeEstimate:
    """The clinic's change on a score, computed once a score however many analyses use it."""

    def __init__(self, clinic: Clinic, filters: CohortFilters) -> None:
        self.clinic, self.filters = clinic, filters
        self.found: dict[tuple[str, str], PracticeChange | None] = {}

    def __call__(self, score: Score) -> PracticeChange | None:
        key = (score.instrument, score.name)
        if key not in self.found:
            self.found[key] = practice_estimate(self.clinic, *key, self.filters)
        return self.found[key]


def comparable(
    analysis: Analysis,
    rows: list[seeded.Row],
    estimate: PracticeEstimate,
) -> tuple[Score | None, PracticeChange | None, str]:
    """The score the analysis maps to, the clinic's change on it, and why the two cannot be
    drawn together ("" when they can); ``estimate`` gives the clinic's change on a score."""
    if analysis.output["measure"] != "SMD":
        return None, None, f"the trials are pooled as {analysis.effect_label}, not Hedges' g"
    score, problem = _score_of(rows)
    if score is None:
        return None, None, problem
    problem = _direction_problem(analysis, score)
    if problem:
        return score, None, problem
    practice = estimate(score)
    return score, practice, _practice_problem(practice, score)


def _practice_row(practice: PracticeChange) -> Practice:
    assert practice.smcr is not None and practice.smcr_ci is not None
    return Practice(
        PRACTICE_LABEL,
        estimate=practice.smcr,
        ci_low=practice.smcr_ci.low,
        ci_high=practice.smcr_ci.high,
        note=NOT_COMPARABLE,
    )


def _svg(chart_svg: str) -> SafeString:
    return mark_safe(chart_svg)  # noqa: S308 (vl-convert's own SVG, text escaped by render)


def _beside(
    construct: str, rows: list[seeded.Row], analysis: Analysis, estimate: PracticeEstimate
) -> Beside:
    score, practice, reason = comparable(analysis, rows, estimate)
    row = None if reason or practice is None else _practice_row(practice)
    options = {**analysis.plot_options, "practice": row}
    wide = forest_chart(analysis.result, **options)
    compact = forest_chart(analysis.result, **options, compact=True)
    return Beside(
        construct, analysis, tuple(rows), score, practice, reason,
        _svg(render.to_svg(wide)), _svg(render.to_svg(compact)), wide.description,
        wide.table,
    )  # fmt: skip


def beside_trials(clinic: Clinic, filters: CohortFilters) -> list[Beside]:
    """Every meta-analysis the stored studies allow, each with the clinic's practice row when
    :func:`comparable` allows it. It does not check who asks: the reports service does, and
    audits."""
    estimate = PracticeEstimate(clinic, filters)
    return [
        _beside(construct, rows, analysis, estimate)
        for construct, rows, analysis in seeded.find().analyses()
    ]


def practice_text(practice: PracticeChange, unit: str) -> str:
    """The clinic's change in words: the SMCR with its interval and the mean change in
    points with its interval."""
    parts = []
    if practice.smcr is not None and practice.smcr_ci is not None:
        parts.append(
            f"standardised mean change {number_text(round(practice.smcr, 2))} (95% CI "
            f"{number_text(round(practice.smcr_ci.low, 2))} to "
            f"{number_text(round(practice.smcr_ci.high, 2))})"
        )
    if practice.mean_change is not None:
        ci = practice.ci
        interval = (
            ""
            if ci is None
            else f" (95% CI {number_text(round(ci.low, 2))} to {number_text(round(ci.high, 2))})"
        )
        change = number_text(round(practice.mean_change, 2))
        parts.append(f"mean change {change} {unit}{interval}")
    return "; ".join(parts)
