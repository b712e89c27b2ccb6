"""The clinic's pooled change on one score, as an observational "practice" row for the forest
plot under the trials' meta-analysis.

The change is end minus baseline, the same sign as a trial's treated-minus-control difference
on the score (a fall is better where lower is better). It is labelled observational: a
clinic's clients are not randomised and have no control group, so the row shows what changed
in practice, not what massage caused. :func:`msrelief.stats.cohort.practice_change` gives the
formulas (mean change with sd^2/n and its t interval; SMCR with its normal interval).
"""

from __future__ import annotations

from msrelief.accounts.models import Clinic
from msrelief.reports.cohort.build import build_report
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.stats.cohort import PracticeChange, practice_change


def practice_estimate(
    clinic: Clinic,
    instrument: str,
    score: str = "total",
    filters: CohortFilters | None = None,
    version: str | None = None,
) -> PracticeChange | None:
    """The clinic's pooled change on ``score`` of ``instrument`` (its latest version among the
    clinic's responses, or ``version``); None when no client has a baseline and an end.

    The caller checks that the user may see the clinic's data (``services.cohort_report``
    does; a forest plot page must do the same) and audits the read.
    """
    report = build_report(clinic, filters or CohortFilters(), instrument=instrument)
    found = [
        result
        for result in report.constructs
        if result.instrument == instrument
        and result.score == score
        and (version is None or result.version == version)
        and result.n > 0
    ]
    if not found:
        return None
    chosen = max(found, key=lambda result: tuple(int(p) for p in result.version.split(".")))
    return practice_change(chosen.pairs.baseline, chosen.pairs.end)
