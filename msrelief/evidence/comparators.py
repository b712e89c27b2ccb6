"""The trial results to set beside a client's change on one instrument score.

:func:`comparators` takes an msrelief instrument code, one of its scores and optionally a time
point in weeks, and returns the results of trials in the evidence base that used that score
(``Result.instrument_code`` and ``score_name``), each with what the paper reported, labelled:

* a **mean change** within a group: as reported with its CI; or with a 95 % CI computed from
  the reported SD of the change and n (:func:`msrelief.stats.intervals.mean_change_interval`,
  the one-sample t interval); or, for a group's mean at baseline and at the time point, the
  follow-up mean minus the baseline mean, whose CI cannot be derived (it needs the SD of the
  change, or the pre-post correlation, which papers rarely report);
* a **standardised effect** (Hedges' g or Cohen's d, as printed): its reported CI, or for a
  Hedges' g between two groups whose analysed sizes are reported, a 95 % CI computed from g and
  the two sizes (:func:`msrelief.stats.intervals.standardised_difference_interval`);
* a **difference** between groups (in means or in mean change), as reported.

A number the paper did not report stays ``None``, and ``Figure.method`` says why a CI is
missing: nothing is estimated silently. Results whose attribution is not confirmed, and
reviews' pooled estimates, are never returned. The query runs one database query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import Q

from msrelief.evidence import citations, display, instruments
from msrelief.evidence.models import EffectType, Result, ResultScope, StudyKind
from msrelief.stats import MetaAnalysisError
from msrelief.stats.intervals import mean_change_interval, standardised_difference_interval

#: What a page must say beside every comparison (issue 12).
CAVEAT = (
    "One person's change is set beside the average of a group in a trial: a group's average "
    "says little about what one person can expect. A change seen alongside massage is an "
    "association, not proof that massage caused it. The trials are small, so their figures "
    "are uncertain."
)

MEAN_CHANGE_T = (
    "95% CI computed as mean change ± t(n - 1) x SD of the change / √n, the one-sample t "
    "interval (Altman et al., Statistics with Confidence, 2nd ed. 2000, ch. 4; Cochrane "
    "Handbook ch. 6, section 6.5.2.2)."
)
G_INTERVAL = (
    "95% CI computed as g ± 1.96 x √(1/n1 + 1/n2 + g²/(2(n1 + n2))), the large-sample variance "
    "of Hedges' g (Borenstein et al., Introduction to Meta-Analysis 2009, ch. 4; Cochrane "
    "Handbook ch. 6, section 6.5), with the analysed group sizes the paper reports."
)
DIFFERENCE_OF_MEANS = (
    "Mean change computed as the mean at the time point minus the mean at baseline, both as "
    "reported. No CI: it needs the SD of the change or the pre-post correlation, which the "
    "paper does not report."
)
NO_CI = "The paper reports no CI, and the numbers needed to compute one are not reported."
NO_CHANGE_CI = "No CI: it needs the SD of the change and the number of people, not both reported."
NO_G_CI = "No CI: it needs the number analysed in each group, which the paper does not report."
NO_D_CI = "No CI: one cannot be derived from a Cohen's d without knowing how it was computed."

Source = Literal["reported", "computed"]
STANDARDISED = {EffectType.HEDGES_G: "Hedges' g", EffectType.COHENS_D: "Cohen's d"}
DIFFERENCES = {
    EffectType.MEAN_DIFFERENCE: "Difference between the groups' means",
    EffectType.MEAN_CHANGE_DIFFERENCE: "Difference between the groups' mean changes",
}


@dataclass(frozen=True)
class Figure:
    """The one figure of a result that can stand beside a client's change."""

    kind: Literal["mean_change", "standardised", "difference"]
    label: str  # "Mean change within the group", "Hedges' g, Swedish massage vs usual care"
    value: float
    value_source: Source
    ci_low: float | None
    ci_high: float | None
    ci_source: Source | None  # None: no CI
    method: str  # how a computed figure or CI was computed (with its source), or why no CI


@dataclass(frozen=True)
class Comparator:
    """One trial result on the instrument score asked for."""

    result_key: str
    study_key: str
    reference_key: str
    citation: str  # "Naderi et al. 2024"
    scope: str
    arm_label: str
    versus_label: str | None
    n: int | None  # the result's number of people, where reported
    arm_n: int | None  # the number analysed in the group (or the first group of a comparison)
    versus_n: int | None
    time_point: str  # as the paper words it
    time_point_weeks: float | None
    instrument: str  # the paper's name for it
    instrument_code: str
    score_name: str
    direction: str
    scale_low: float | None  # the scale range the result was recorded on, where given
    scale_high: float | None
    figure: Figure | None  # None: no number that can be set beside a change
    reported: str  # the effect and p-value as printed ("Hedges' g 0.53; p < 0.001"), or ""
    finding: str  # the finding in words, where recorded
    verification_status: str


def comparators(
    instrument_code: str, score_name: str = "", time_point_weeks: float | None = None
) -> list[Comparator]:
    """Trial results that used ``score_name`` of ``instrument_code`` (at ``time_point_weeks``
    when given), oldest study first. ``score_name`` may be left empty for an instrument with
    one score. Raises ``ValidationError`` naming ``instrument``, ``score`` or ``weeks``."""
    score = _score(instrument_code, score_name)
    if time_point_weeks is not None and not 0 <= time_point_weeks < math.inf:
        raise ValidationError({"weeks": "Must be a number of weeks, 0 or more."})
    rows = _query(instrument_code, score, time_point_weeks)
    baselines = {
        r.arm_id: r for r in rows if r.scope == ResultScope.ARM and r.time_point_weeks == 0
    }
    found = []
    for row in rows:
        if row.scope == ResultScope.ARM and row.time_point_weeks == 0:
            continue  # a baseline: used for the change of its group, not shown alone
        if time_point_weeks is not None and row.time_point_weeks != time_point_weeks:
            continue
        found.append(_comparator(row, score, baselines.get(row.arm_id)))
    return found


def _score(code: str, name: str) -> str:
    errors = instruments.match_errors(code, name)
    if not code:
        errors = {"instrument_code": "Name the instrument, for example fss."}
    if errors:
        raise ValidationError(
            {"instrument" if key == "instrument_code" else "score": text
             for key, text in errors.items()}
        )  # fmt: skip
    sole = instruments.sole_score(code)
    if not name and sole is None:
        names = ", ".join(instruments.score_names(code))
        raise ValidationError({"score": f"{code} has several scores: name one of {names}."})
    return name or sole or ""


def _query(code: str, score: str, weeks: float | None) -> list[Result]:
    scores = [score, ""] if instruments.sole_score(code) == score else [score]
    queryset = Result.objects.filter(
        instrument_code=code,
        score_name__in=scores,
        attribution_confirmed=True,
        study__kind=StudyKind.TRIAL,
    )
    if weeks is not None:
        queryset = queryset.filter(
            Q(time_point_weeks=weeks) | Q(time_point_weeks=0, scope=ResultScope.ARM)
        )
    return list(
        queryset.select_related("study__reference", "arm", "versus_arm").order_by(
            "study__reference__year", "study__key", "id"
        )
    )


def _comparator(row: Result, score: str, baseline: Result | None) -> Comparator:
    study = row.study
    return Comparator(
        result_key=row.key,
        study_key=study.key,
        reference_key=study.reference.key,
        citation=citations.study_name(study.reference),
        scope=row.scope,
        arm_label=display.group_text(row),
        versus_label=row.versus_arm.label if row.versus_arm else None,
        n=row.n,
        arm_n=row.arm.n_analysed if row.arm else None,
        versus_n=row.versus_arm.n_analysed if row.versus_arm else None,
        time_point=row.time_point,
        time_point_weeks=row.time_point_weeks,
        instrument=row.instrument,
        instrument_code=row.instrument_code,
        score_name=score,
        direction=row.direction,
        scale_low=row.scale_low,
        scale_high=row.scale_high,
        figure=figure(row, baseline),
        reported="; ".join(
            part for part in (display.effect_text(row), display.p_text(row)) if part
        ),
        finding=row.text,
        verification_status=row.verification_status,
    )


def figure(row: Result, baseline: Result | None = None) -> Figure | None:
    """The figure of ``row`` to set beside a change, labelled; None when there is none."""
    if row.scope == ResultScope.WITHIN_ARM:
        return _within(row)
    if row.scope == ResultScope.BETWEEN_ARMS:
        return _between(row)
    if row.scope == ResultScope.ARM and baseline is not None:
        return _from_baseline(row, baseline)
    return None


def _reported_ci(row: Result) -> tuple[float | None, float | None, Source | None]:
    if row.ci_low is not None and row.ci_high is not None:
        return row.ci_low, row.ci_high, "reported"
    return None, None, None


def _within(row: Result) -> Figure | None:
    kind = row.effect_type
    if kind in STANDARDISED and row.effect_value is not None:
        low, high, source = _reported_ci(row)
        label = f"{STANDARDISED[EffectType(kind)]} of the change within the group"
        why = "" if source else (NO_D_CI if kind == EffectType.COHENS_D else NO_CI)
        return Figure("standardised", label, row.effect_value, "reported", low, high, source, why)
    value = row.mean
    if value is None and kind in DIFFERENCES:
        value = row.effect_value
    if value is None:
        return None
    low, high, source = _reported_ci(row)
    method = ""
    if source is None and row.sd is not None and row.n is not None:
        try:
            interval = mean_change_interval(value, row.sd, row.n)
        except MetaAnalysisError as error:
            method = f"No CI: {error}."
        else:
            low, high, source, method = interval.low, interval.high, "computed", MEAN_CHANGE_T
    elif source is None:
        method = NO_CHANGE_CI
    return Figure(
        "mean_change", "Mean change within the group", value, "reported", low, high, source,
        method,
    )  # fmt: skip


def _between(row: Result) -> Figure | None:
    kind, value = row.effect_type, row.effect_value
    if value is None or (kind not in STANDARDISED and kind not in DIFFERENCES):
        return None
    groups = display.group_text(row)
    low, high, source = _reported_ci(row)
    if kind in DIFFERENCES:
        why = "" if source else NO_CI
        label = f"{DIFFERENCES[EffectType(kind)]}, {groups}"
        return Figure("difference", label, value, "reported", low, high, source, why)
    label = f"{STANDARDISED[EffectType(kind)]}, {groups}"
    method = ""
    if source is None and kind == EffectType.HEDGES_G:
        low, high, source, method = _g_interval(row, value)
    elif source is None:
        method = NO_D_CI
    return Figure("standardised", label, value, "reported", low, high, source, method)


def _g_interval(row: Result, g: float) -> tuple[float | None, float | None, Source | None, str]:
    sizes = (row.arm.n_analysed if row.arm else None,
             row.versus_arm.n_analysed if row.versus_arm else None)  # fmt: skip
    if sizes[0] is None or sizes[1] is None:
        return None, None, None, NO_G_CI
    try:
        interval = standardised_difference_interval(g, sizes[0], sizes[1])
    except MetaAnalysisError as error:
        return None, None, None, f"No CI: {error}."
    return interval.low, interval.high, "computed", G_INTERVAL


def _from_baseline(row: Result, baseline: Result) -> Figure | None:
    if row.mean is None or baseline.mean is None:
        return None
    return Figure(
        "mean_change", "Mean change within the group", row.mean - baseline.mean, "computed",
        None, None, None, DIFFERENCE_OF_MEANS,
    )  # fmt: skip
