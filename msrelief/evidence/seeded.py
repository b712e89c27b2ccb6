"""Meta-analyses built from the stored studies, when the stored numbers allow one.

A study can join a pooled analysis of a construct when an intervention arm and a comparator arm
both have a mean, an SD and a group size at the same follow-up time point. The group size is the
result's ``n`` or else the arm's number analysed; the number randomised is not used in its place
(dropouts would make that a guess). Results that are unverified, or whose attribution to the
study is not confirmed, are never used. Studies are pooled as Hedges' g (REML) when at least two
qualify for the same construct and direction of scoring; otherwise the reasons are listed. The
recorded direction ("lower is better") labels which side of the forest plot favours massage;
a direction that says neither leaves the plot saying that it was not stated.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from msrelief.charts.forest_layout import Better
from msrelief.evidence import analysis
from msrelief.evidence.models import ArmKind, Result, ResultScope, Study, VerificationStatus

BASELINE_WORDS = ("baseline", "before")


@dataclass(frozen=True)
class Row:
    """One study's pooled pair: the intervention (1) and comparator (2) numbers, and the two
    results they come from (so a caller can see which instrument and score they report)."""

    study: Study
    time_point: str
    m1: float
    sd1: float
    n1: int
    m2: float
    sd2: float
    n2: int
    results: tuple[Result, Result]


@dataclass
class Finding:
    """What the stored studies allow: analyses that can be run and why others cannot."""

    groups: dict[tuple[str, str], list[Row]] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    def analyses(self) -> list[tuple[str, list[Row], analysis.Analysis]]:
        """(construct, rows, analysis) for every construct with two or more usable studies."""
        found = []
        for (construct, direction), rows in sorted(self.groups.items()):
            if len(rows) >= 2:
                text = _csv(rows)
                title = f"Forest plot: {construct} (Hedges' g)"
                better = better_from(direction)
                found.append(
                    (
                        construct,
                        rows,
                        analysis.run(text, "SMD", "REML", False, title=title, better=better),
                    )
                )
        return found


def better_from(direction: str) -> Better | None:
    """ "lower" or "higher" from a result's recorded direction of scoring ("lower is better",
    "higher is better (metres walked)"), or ``None`` when it says neither."""
    words = direction.strip().lower()
    for better in ("lower", "higher"):
        if words.startswith(f"{better} is better"):
            return better
    return None


def _usable() -> QuerySet[Result]:
    """Results that may be pooled: one group at one time point, attributed and checked, with a
    mean (selected in the database, so the page does not load every result of every study)."""
    return (
        Result.objects.filter(
            scope=ResultScope.ARM,
            attribution_confirmed=True,
            mean__isnull=False,
            arm__isnull=False,
        )
        .exclude(verification_status=VerificationStatus.UNVERIFIED)
        .select_related("arm", "study__reference")
        .order_by("study", "id")
    )


def _n(result: Result) -> int | None:
    assert result.arm is not None
    n: int | None = result.n if result.n is not None else result.arm.n_analysed
    return n


def _missing(result: Result) -> list[str]:
    gaps = []
    if result.sd is None:
        gaps.append("standard deviation")
    if _n(result) is None:
        gaps.append("group size")
    return gaps


def _pair(study: Study, results: list[Result]) -> tuple[Row | None, list[str]]:
    """The last follow-up time point with a complete intervention-comparator pair."""
    by_time: dict[str, dict[str, Result]] = defaultdict(dict)
    for result in results:
        assert result.arm is not None
        by_time[result.time_point][result.arm.kind] = result
    gaps: list[str] = []
    chosen = None
    for time_point, arms in by_time.items():
        if time_point.lower().startswith(BASELINE_WORDS):
            continue
        treated, control = arms.get(ArmKind.INTERVENTION), arms.get(ArmKind.COMPARATOR)
        if treated is None or control is None:
            gaps = ["a comparator group at the same time point"]
            continue
        missing = sorted(set(_missing(treated) + _missing(control)))
        if missing:
            gaps = missing
            continue
        assert treated.sd is not None and control.sd is not None
        n1, n2 = _n(treated), _n(control)
        assert n1 is not None and n2 is not None and treated.mean is not None
        assert control.mean is not None
        chosen = Row(study, time_point, treated.mean, treated.sd, n1, control.mean, control.sd, n2,
                     (treated, control))  # fmt: skip
    return chosen, ([] if chosen else gaps or ["a follow-up time point"])


def find() -> Finding:
    """Look through every stored study for poolable per-group numbers."""
    finding = Finding()
    grouped: dict[tuple[Study, str, str], list[Result]] = defaultdict(list)
    for result in _usable():
        key = (result.study, result.construct.strip().lower(), result.direction)
        grouped[key].append(result)
    for (study, construct, direction), items in grouped.items():
        row, gaps = _pair(study, items)
        if row is None:
            finding.reasons.append(f"{study.key} ({construct}): {', '.join(gaps)} not reported")
        else:
            finding.groups.setdefault((construct, direction), []).append(row)
    for (construct, _), rows in finding.groups.items():
        if len(rows) < 2:
            finding.reasons.append(
                f"{rows[0].study.key} ({construct}): the only study with usable numbers for this "
                "outcome; pooling needs at least two"
            )
    return finding


def _csv(rows: list[Row]) -> str:
    lines = ["study,m1,sd1,n1,m2,sd2,n2"]
    for r in rows:
        label = r.study.key.replace(",", " ")
        lines.append(f"{label},{r.m1},{r.sd1},{r.n1},{r.m2},{r.sd2},{r.n2}")
    return "\n".join(lines) + "\n"
