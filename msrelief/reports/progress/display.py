"""The words and drawings a progress page or report shows of the builder's numbers: the change
label in words, the RCI and MCID with their sources, the trial figures labelled, the charts as
accessible SVG. Formatting only: every number comes from :mod:`.build`."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from msrelief.charts import render
from msrelief.evidence.comparators import Comparator
from msrelief.reports.progress.build import Construct, ReliefLine
from msrelief.scoring import ChangeResult
from msrelief.scoring.contract import number_text

NO_FIGURE = "No figure reported"


@dataclass(frozen=True)
class TrialLine:
    citation: str
    study_url: str
    group: str
    time_point: str
    figure_label: str  # "Hedges' g, ..." or NO_FIGURE
    figure_text: str  # "0.53 (95% CI 0.05 to 1.01, computed)" or the finding in words
    note: str  # how a CI was computed, or why there is none


@dataclass(frozen=True)
class ConstructView:
    construct: Construct
    heading: str
    wide_svg: SafeString | None
    compact_svg: SafeString | None
    label: str  # "improved", "no reliable change", "worse", "no judgement"
    change_text: str  # "from 6 to 4, down 2 points (better)"
    rci_text: str
    mcid_text: str
    sources: tuple[str, ...]
    trials: tuple[TrialLine, ...]


def label_of(change: ChangeResult | None) -> str:
    if change is None:
        return "no judgement (one score only)"
    return change.classification or "no judgement"


def _rci_text(change: ChangeResult) -> str:
    if change.rci is None:
        return "RCI: not available (no published reliability for this score)."
    verdict = "a reliable change" if change.reliable else "not a reliable change"
    return f"RCI {number_text(change.rci)} ({verdict}: reliable beyond ±1.96)."


def _mcid_text(change: ChangeResult) -> str:
    if change.mcid is None:
        return "MCID: " + (change.mcid_note or "none published for this score") + "."
    unit = "%" if change.mcid_unit == "percent" else " points"
    met = "reached" if change.meets_mcid else "not reached"
    band = f", {change.mcid_band}" if change.mcid_band else ""
    return f"MCID {number_text(change.mcid)}{unit}{band}: {met}."


def _ci(low: float | None, high: float | None, source: str | None) -> str:
    if low is None or high is None:
        return "no CI"
    return f"95% CI {number_text(low)} to {number_text(high)}, {source}"


def trial_line(item: Comparator) -> TrialLine:
    url = reverse("evidence-study", args=[item.study_key])
    figure = item.figure
    if figure is None:
        text = item.finding or item.reported or "The paper gives no number for this result."
        return TrialLine(item.citation, url, item.arm_label, item.time_point, NO_FIGURE, text, "")
    value = f"{number_text(figure.value)} ({_ci(figure.ci_low, figure.ci_high, figure.ci_source)})"
    return TrialLine(item.citation, url, item.arm_label, item.time_point, figure.label, value,
                     figure.method)  # fmt: skip


def construct_view(construct: Construct, svg: bool = True) -> ConstructView:
    presentation = construct.presentation
    heading = f"{presentation.short_title}: {presentation.label}"
    wide = compact = None
    if svg and construct.wide is not None and construct.compact is not None:
        wide = mark_safe(render.to_svg(construct.wide))  # noqa: S308 (vl-convert's own SVG)
        compact = mark_safe(render.to_svg(construct.compact))  # noqa: S308
    change = construct.change
    if change is None:
        change_text = rci = mcid = ""
        sources: tuple[str, ...] = ()
    else:
        phrase = presentation.change_phrase(change.baseline, change.follow_up)
        change_text = (
            f"from {number_text(change.baseline)} at baseline to "
            f"{number_text(change.follow_up)} now, {phrase}"
        )
        rci, mcid, sources = _rci_text(change), _mcid_text(change), change.sources
    trials = tuple(trial_line(c) for c in construct.comparators)
    return ConstructView(construct, heading, wide, compact, label_of(change), change_text, rci,
                         mcid, sources, trials)  # fmt: skip


def relief_text(line: ReliefLine) -> str:
    relief = line.relief
    if relief.mean_change is None:
        return "no sessions rated before and after"
    ci = (
        f"95% CI {number_text(relief.ci.low)} to {number_text(relief.ci.high)}"
        if relief.ci is not None
        else "no CI from one session"
    )
    sessions = f"{relief.n} session{'' if relief.n == 1 else 's'}"
    return f"mean change after a session {number_text(relief.mean_change)} ({ci}; {sessions})"
