"""The cohort's numbers in words for the page: one small table a score, each line a label and a
value, and "not enough data" where a number does not exist."""

from __future__ import annotations

from dataclasses import dataclass

from msrelief.reports.cohort.compute import ConstructResult
from msrelief.stats.cohort import Interval, Proportion

NOT_ENOUGH = "not enough data"
DIRECTION = {"lower_is_better": "lower is better", "higher_is_better": "higher is better"}


@dataclass(frozen=True)
class Line:
    label: str
    value: str


@dataclass(frozen=True)
class ConstructView:
    key: str  # for ids in the page
    caption: str
    versions: str
    lines: tuple[Line, ...]
    sources: tuple[str, ...]

    @property
    def footnote(self) -> str:
        """The versions used and the thresholds' sources, as sentences."""
        text = f"Instrument and scoring version: {self.versions}."
        if self.sources:
            cited = "; ".join(source.rstrip(". ") for source in self.sources)
            text += f" Thresholds from: {cited}."
        return text


def number(value: float | None, places: int = 2) -> str:
    if value is None:
        return NOT_ENOUGH
    shown = f"{value:.{places}f}"
    return "0" + shown[2:] if shown.startswith("-0") and float(shown) == 0 else shown


def interval(ci: Interval | None, places: int = 2) -> str:
    if ci is None:
        return NOT_ENOUGH
    return f"{number(ci.low, places)} to {number(ci.high, places)}"


def percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def share(part: Proportion | None, missing: str) -> str:
    if part is None:
        return missing
    if part.n == 0 or part.proportion is None or part.ci is None:
        return f"{part.count} of {part.n} ({NOT_ENOUGH})"
    return (
        f"{part.count} of {part.n}: {percent(part.proportion)} "
        f"(95 % CI {percent(part.ci.low)} to {percent(part.ci.high)})"
    )


def _with_ci(value: float | None, ci: Interval | None) -> str:
    if value is None:
        return NOT_ENOUGH
    return f"{number(value)} (95 % CI {interval(ci)})" if ci else number(value)


def _mean_sd(mean: float | None, sd: float | None) -> str:
    if mean is None:
        return NOT_ENOUGH
    return f"{number(mean)} (SD {number(sd)})" if sd is not None else number(mean)


def _mcid_label(result: ConstructResult) -> str:
    if result.mcid is not None:
        unit = "%" if result.mcid_unit == "percent" else "points"
        return f"Responders by MCID (an improvement of at least {number(result.mcid, 1)} {unit})"
    if result.mcid_note:
        return f"Responders by MCID ({result.mcid_note})"
    return "Responders by MCID"


def _rci_label(result: ConstructResult) -> str:
    if result.se_diff is None:
        return "Responders by reliable change"
    smallest = 1.96 * result.se_diff
    return f"Responders by reliable change (an improvement of more than {number(smallest, 1)})"


def construct_view(result: ConstructResult) -> ConstructView:
    summary, label = result.summary, result.label
    lines = (
        Line("Clients with a baseline and an end", str(summary.n)),
        Line("Completion", share(result.completion, NOT_ENOUGH)),
        Line("Baseline mean (SD)", _mean_sd(summary.baseline_mean, summary.baseline_sd)),
        Line("End mean (SD)", _mean_sd(summary.end_mean, summary.end_sd)),
        Line("Mean change, end minus baseline", _with_ci(summary.mean_change, summary.ci)),
        Line("SD of the change", number(summary.sd_change)),
        Line("Standardised response mean", number(summary.srm)),
        Line("Effect size (change / baseline SD)", number(summary.effect_size)),
        Line(_mcid_label(result), share(result.responders_mcid, "no MCID known for this score")),
        Line(_rci_label(result), share(result.responders_rci, "no reliability known for an RCI")),
    )
    return ConstructView(
        key=f"{result.instrument}-{result.version}-{result.score}".replace(".", "-"),
        caption=f"{result.title}: {label} ({DIRECTION[result.direction]})",
        versions=f"{result.instrument}@{result.version}, scored by {result.scoring_version}",
        lines=lines,
        sources=result.sources,
    )
