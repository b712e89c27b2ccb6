"""The cohort report as JSON and CSV (docs/cli.md lists every key).

JSON: ``{"n", "clients", "clinic", "filters", "notes", "constructs": [...]}``, one construct a
score of an instrument version, with the keys of :data:`COLUMNS`; a value that does not exist
(an interval from fewer than two pairs, a responder count for a score with no MCID) is null.
CSV: one row a construct, the same keys as columns, an empty cell for null.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from msrelief.reports.cohort.build import CohortReport
from msrelief.reports.cohort.compute import ConstructResult
from msrelief.stats.cohort import Interval, Proportion

COLUMNS = (
    "instrument", "version", "scoring_version", "score", "label", "direction",
    "n", "started", "completion_rate", "completion_ci_low", "completion_ci_high",
    "baseline_mean", "baseline_sd", "end_mean", "end_sd",
    "mean_change", "ci_low", "ci_high", "sd_change", "srm", "effect_size",
    "mcid", "mcid_unit", "responders_mcid", "responders_mcid_n", "responders_mcid_proportion",
    "responders_mcid_ci_low", "responders_mcid_ci_high",
    "se_diff", "responders_rci", "responders_rci_n", "responders_rci_proportion",
    "responders_rci_ci_low", "responders_rci_ci_high",
)  # fmt: skip


def _ends(interval: Interval | None) -> tuple[float | None, float | None]:
    return (None, None) if interval is None else (interval.low, interval.high)


def _responders(prefix: str, share: Proportion | None) -> dict[str, Any]:
    if share is None:
        return {prefix: None, f"{prefix}_n": None, f"{prefix}_proportion": None}
    low, high = _ends(share.ci)
    return {
        prefix: share.count,
        f"{prefix}_n": share.n,
        f"{prefix}_proportion": share.proportion,
        f"{prefix}_ci_low": low,
        f"{prefix}_ci_high": high,
    }


def construct_row(result: ConstructResult) -> dict[str, Any]:
    summary, completion = result.summary, result.completion
    ci_low, ci_high = _ends(summary.ci)
    done_low, done_high = _ends(completion.ci)
    row = {
        "instrument": result.instrument,
        "version": result.version,
        "scoring_version": result.scoring_version,
        "score": result.score,
        "label": result.label,
        "direction": result.direction,
        "n": summary.n,
        "started": completion.n,
        "completion_rate": completion.proportion,
        "completion_ci_low": done_low,
        "completion_ci_high": done_high,
        "baseline_mean": summary.baseline_mean,
        "baseline_sd": summary.baseline_sd,
        "end_mean": summary.end_mean,
        "end_sd": summary.end_sd,
        "mean_change": summary.mean_change,
        "ci_low": ci_low,
        "ci_high": ci_high,
        "sd_change": summary.sd_change,
        "srm": summary.srm,
        "effect_size": summary.effect_size,
        "mcid": result.mcid,
        "mcid_unit": result.mcid_unit,
        "se_diff": result.se_diff,
        **_responders("responders_mcid", result.responders_mcid),
        **_responders("responders_rci", result.responders_rci),
    }
    return {key: row.get(key) for key in COLUMNS}


def as_json(report: CohortReport) -> dict[str, Any]:
    return {
        "n": report.n,
        "clients": report.clients,
        "clinic": report.clinic,
        "filters": report.filters.as_dict(),
        "notes": list(report.notes),
        "constructs": [construct_row(result) for result in report.constructs],
    }


def as_csv(report: CohortReport) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in report.constructs:
        row = construct_row(result)
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()
