"""Meta-analysis for the pages, the API and the CLI: a CSV in, the pooled result, a forest plot
(SVG with title and description), the same numbers as table rows, and a CSV of per-study effects
and weights out. Nothing is stored. A value that cannot be computed is ``None`` here and is shown
as "not estimable" with the reason (:func:`not_estimable`), never as NaN.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from dataclasses import dataclass
from typing import Any, cast

from django.core.cache import cache

from msrelief.charts.forest import forest_png, forest_svg, forest_table_rows
from msrelief.charts.forest_layout import Better
from msrelief.lib.limits import MAX_STUDIES
from msrelief.stats import meta_analysis
from msrelief.stats.meta import MetaResult, Method
from msrelief.stats.meta_csv import COLUMNS, RATIO_MEASURES, Measure, run_meta_csv

EFFECT_LABELS = {
    "MD": "Mean difference",
    "SMD": "Hedges' g",
    "RR": "Risk ratio",
    "OR": "Odds ratio",
    "GEN": "Effect",
}
NEEDS_TWO = "needs at least two studies"
# Bump when a change to the analysis or the plot should show at once on a shared cache.
CACHE_VERSION = 2
CACHE_SECONDS = 24 * 60 * 60
REASONS = {
    "i2": NEEDS_TWO,
    "h2": NEEDS_TWO,
    "q_p": NEEDS_TWO,
    "statistic": "the standard error is 0, so there is no test",
    "p_value": "the standard error is 0, so there is no test",
}


@dataclass(frozen=True)
class Analysis:
    """One meta-analysis ready to show: the JSON dict of ``run_meta_csv``, the forest plot
    (wide, and compact for phones) and its table rows (and what it takes to draw the plot
    again, as PNG)."""

    output: dict[str, Any]
    svg: str
    svg_compact: str
    rows: list[dict[str, Any]]
    result: MetaResult
    plot_options: dict[str, Any]

    @property
    def ratio(self) -> bool:
        return self.output["measure"] in RATIO_MEASURES

    @property
    def effect_label(self) -> str:
        return EFFECT_LABELS[self.output["measure"]]

    @property
    def better(self) -> Better | None:
        """Which values are better for the treated group, if it was stated."""
        better: Better | None = self.plot_options["better"]
        return better

    @property
    def null_value(self) -> int:
        """The value of no effect on the plotted scale (1 for ratios, else 0)."""
        return 1 if self.ratio else 0

    @property
    def reasons(self) -> dict[str, str]:
        """Why each value that could not be computed is missing (see :func:`not_estimable`)."""
        return not_estimable(self.output)

    def png(self) -> bytes:
        """The same forest plot as PNG (print scale), to put in a document next to its table."""
        return forest_png(self.result, **self.plot_options)


def run(
    text: str,
    measure: str,
    method: str,
    hksj: bool,
    *,
    title: str = "",
    better: Better | None = None,
) -> Analysis:
    """Analyse CSV ``text``; raises ``MetaAnalysisError`` naming the bad row. At most
    :data:`~msrelief.lib.limits.MAX_STUDIES` studies, refused before any number is read.
    ``better`` ("lower" or "higher": which values are better for the treated group) labels
    the sides of the forest plot; ``None`` means it was not stated, and the plot says so.

    A result depends on nothing but these arguments, so it is kept in Django's cache under a
    digest of them: the same data (the worked example, the stored studies) is analysed and
    drawn once, not on every request. Errors are not cached.
    """
    inputs = json.dumps([CACHE_VERSION, text, measure, method, hksj, title, better])
    key = "msrelief:meta-analysis:" + hashlib.sha256(inputs.encode("utf-8")).hexdigest()
    found: Analysis | None = cache.get(key)
    if found is None:
        found = _run(text, measure, method, hksj, title, better)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _run(
    text: str, measure: str, method: str, hksj: bool, title: str, better: Better | None
) -> Analysis:
    output = run_meta_csv(
        text, cast(Measure, measure), cast(Method, method), hksj, max_studies=MAX_STUDIES
    )
    result = _result(output)
    ratio = measure in RATIO_MEASURES
    options: dict[str, Any] = {
        "title": title or f"Forest plot: {EFFECT_LABELS[measure].lower()}",
        "effect_label": EFFECT_LABELS[measure] + (" (log scale)" if ratio else ""),
        "back_transform": ratio,
        "better": better,
    }
    return Analysis(
        output=output,
        svg=forest_svg(result, **options),
        svg_compact=forest_svg(result, **options, compact=True),
        rows=[dict(row) for row in forest_table_rows(result, back_transform=ratio)],
        result=result,
        plot_options=options,
    )


def _result(output: dict[str, Any]) -> MetaResult:
    """The :class:`MetaResult` behind ``output`` (the same computation, for the plot)."""
    studies = output["studies"]
    return meta_analysis(
        [s["yi"] for s in studies],
        [s["vi"] for s in studies],
        method=output["method"],
        hksj=output["hksj"],
        labels=[s["study"] for s in studies],
    )


def not_estimable(output: dict[str, Any]) -> dict[str, str]:
    """Why each missing summary value is missing, keyed by its name in ``output``."""
    reasons: dict[str, str] = {}
    for name, reason in REASONS.items():
        if output.get(name) is None:
            reasons[name] = reason
    if output.get("pi_low") is None:
        reasons["pi"] = (
            "a fixed-effect model assumes one true effect, so there is nothing to predict"
            if output["method"] == "FE"
            else NEEDS_TWO
        )
    for name, value in (output.get("exp") or {}).items():
        if value is None and output.get(name) is not None:
            reasons[f"exp_{name}"] = "too large to show on the ratio scale"
    return reasons


def effects_csv(analysis: Analysis) -> str:
    """Per-study effects and weights as CSV (the analysis scale; ratio scale added for RR/OR)."""
    output = analysis.output
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["study", "yi", "vi", "se", "ci_low", "ci_high", "weight_percent"]
    if analysis.ratio:
        header += ["ratio", "ratio_ci_low", "ratio_ci_high"]
    writer.writerow(header)
    z = 1.959963984540054
    for study in output["studies"]:
        yi, vi = study["yi"], study["vi"]
        se = math.sqrt(vi)
        row: list[Any] = [study["study"], yi, vi, se, yi - z * se, yi + z * se, study["weight"]]
        if analysis.ratio:
            row += [_exp(yi), _exp(yi - z * se), _exp(yi + z * se)]
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


def _exp(value: float) -> float | None:
    try:
        result = math.exp(value)
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


def template_csv(measure: str) -> str:
    """An empty CSV with the columns ``measure`` needs (header row only)."""
    return ",".join(COLUMNS[cast(Measure, measure)]) + "\n"


def rows_to_csv(measure: str, rows: list[dict[str, Any]]) -> str:
    """CSV text from row objects (the API's ``rows``); columns as :data:`COLUMNS`."""
    columns = COLUMNS[cast(Measure, measure)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        lowered = {str(key).lower(): value for key, value in row.items()}
        writer.writerow(["" if lowered.get(c) is None else lowered[c] for c in columns])
    return buffer.getvalue()
