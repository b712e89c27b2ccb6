"""Forest plots of a :class:`~msrelief.stats.meta.MetaResult` as Vega-Lite, SVG and PNG.

The chart has columns that share one row axis: study labels; the plot (each study's
estimate as a square sized by its weight with its confidence interval, the pooled estimate
as a diamond spanning its CI, the prediction interval as a dashed line, a reference line at
no effect, and under them which side favours the treatment); and the numbers (estimate
[CI] and weight). The compact layout for phones leaves the numbers out
(:mod:`msrelief.charts.forest_layout`). :func:`forest_table_rows` returns the same numbers as
rows for the HTML table that accompanies every chart, and :func:`forest_chart` gives all of it
as one :class:`~msrelief.charts.chart.Chart`.

An optional **practice** row (:class:`Practice`) adds an observational estimate, such as a
clinic's pooled change, under the pooled diamond: drawn as a hollow circle with its interval,
labelled "observational", listed in the table rows and the description, and never pooled.

At most :data:`~msrelief.lib.limits.MAX_STUDIES` studies are drawn (a larger analysis is a
:class:`MetaAnalysisError`), so that the chart's size, and the memory and time it takes to
render, stay bounded.

Study intervals are normal-based, ``yi +/- z * sqrt(vi)``, as in metafor ``forest()``.
Ratio measures can be drawn back-transformed (``back_transform=True``): values are
exponentiated and the x axis is logarithmic.

SVG and PNG come from :mod:`msrelief.charts.render`, which gives the SVG its accessible name.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypedDict

from scipy import stats

from msrelief.charts import render
from msrelief.charts.chart import Chart
from msrelief.charts.forest_layout import (
    COMPACT,
    WIDE,
    Better,
    favours_layers,
    x_scale_and_axis,
)
from msrelief.lib.limits import MAX_STUDIES
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import MetaResult

__all__ = [
    "MAX_PNG_SCALE",
    "ForestRow",
    "Practice",
    "forest_chart",
    "forest_png",
    "forest_spec",
    "forest_svg",
    "forest_table_rows",
]

_METHOD_NAMES = {
    "FE": "fixed-effect (inverse variance)",
    "DL": "random-effects (DerSimonian-Laird)",
    "REML": "random-effects (REML)",
    "PM": "random-effects (Paule-Mandel)",
}
_ROW_HEIGHT = 24
#: The largest PNG scale factor (2 is print quality).
MAX_PNG_SCALE = render.MAX_PNG_SCALE
#: The columns of :func:`forest_table_rows`, in order.
COLUMNS = ("label", "kind", "estimate", "ci_low", "ci_high", "weight")
OBSERVATIONAL = "observational"
_PRACTICE_COLOUR = "#8a3b00"


class ForestRow(TypedDict):
    """One row of the forest plot and of its data table."""

    label: str
    kind: Literal["study", "pooled", "prediction", "practice"]
    estimate: float | None
    ci_low: float
    ci_high: float
    weight: float | None


@dataclass(frozen=True)
class Practice:
    """An observational estimate drawn under the trials' pooled result and never pooled with
    it: a clinic's pooled change, say. ``estimate``, ``ci_low`` and ``ci_high`` are on the
    analysis scale (log ratios for a ratio measure, like the studies' ``yi``). ``note`` is a
    sentence the description adds after the row's numbers (what the row is, and is not)."""

    label: str
    estimate: float
    ci_low: float
    ci_high: float
    note: str = ""

    def __post_init__(self) -> None:
        numbers = (self.estimate, self.ci_low, self.ci_high)
        if not all(math.isfinite(value) for value in numbers):
            raise MetaAnalysisError("the practice estimate and its interval must be numbers")
        if not self.ci_low <= self.estimate <= self.ci_high:
            raise MetaAnalysisError(
                "the practice estimate must lie within its interval (ci_low <= estimate <= "
                f"ci_high); got {self.estimate:g} in [{self.ci_low:g}, {self.ci_high:g}]"
            )
        if not self.label.strip():
            raise MetaAnalysisError("the practice row needs a label")


#: Values drawn on the ratio scale are kept within e^-690 .. e^690 (about 1e-300 .. 1e300), so
#: that a very wide prediction interval is drawn running off the chart instead of overflowing.
_LARGEST_LOG = 690.0


def _scale(value: float, back_transform: bool) -> float:
    if not back_transform:
        return value
    return math.exp(max(-_LARGEST_LOG, min(_LARGEST_LOG, value)))


def _check_size(result: MetaResult) -> None:
    if result.k > MAX_STUDIES:
        raise MetaAnalysisError(
            f"a forest plot is drawn for at most {MAX_STUDIES} studies; this analysis has "
            f"{result.k}"
        )


def forest_table_rows(
    result: MetaResult,
    labels: Sequence[str] | None = None,
    *,
    back_transform: bool = False,
    practice: Practice | None = None,
) -> list[ForestRow]:
    """Rows with the plotted numbers: one per study (estimate, CI, weight in percent), then
    the pooled estimate (``kind="pooled"``), when there is one the prediction interval
    (``kind="prediction"``, ``estimate`` is ``None``) and, when given, the practice row
    (``kind="practice"``, labelled observational, no weight: it is not pooled)."""
    names = tuple(labels) if labels is not None else result.labels
    if len(names) != result.k:
        raise ValueError(f"{len(names)} labels were given for {result.k} studies")
    z = float(stats.norm.ppf(0.5 + result.level / 2))
    rows: list[ForestRow] = []
    for name, yi, vi, weight in zip(names, result.yi, result.vi, result.weights, strict=True):
        half = z * math.sqrt(vi)
        rows.append(
            ForestRow(
                label=name, kind="study", estimate=_scale(yi, back_transform),
                ci_low=_scale(yi - half, back_transform),
                ci_high=_scale(yi + half, back_transform), weight=weight,
            )
        )  # fmt: skip
    rows.append(
        ForestRow(
            label=f"Pooled ({result.method}{', HKSJ' if result.hksj else ''})", kind="pooled",
            estimate=_scale(result.estimate, back_transform),
            ci_low=_scale(result.ci_low, back_transform),
            ci_high=_scale(result.ci_high, back_transform), weight=100.0,
        )
    )  # fmt: skip
    if result.pi_low is not None and result.pi_high is not None:
        rows.append(
            ForestRow(
                label="Prediction interval", kind="prediction", estimate=None,
                ci_low=_scale(result.pi_low, back_transform),
                ci_high=_scale(result.pi_high, back_transform), weight=None,
            )
        )  # fmt: skip
    if practice is not None:
        rows.append(
            ForestRow(
                label=f"{practice.label} ({OBSERVATIONAL})", kind="practice",
                estimate=_scale(practice.estimate, back_transform),
                ci_low=_scale(practice.ci_low, back_transform),
                ci_high=_scale(practice.ci_high, back_transform), weight=None,
            )
        )  # fmt: skip
    return rows


def _describe_practice(rows: list[ForestRow], pct: int, note: str) -> str:
    for row in rows:
        if row["kind"] == "practice" and row["estimate"] is not None:
            return (
                f" {row['label']}: {row['estimate']:.2f} ({pct}% confidence interval "
                f"{row['ci_low']:.2f} to {row['ci_high']:.2f}), shown for comparison and "
                "not pooled." + (f" {note}" if note else "")
            )
    return ""


def _describe(
    result: MetaResult,
    back_transform: bool,
    better: Better | None,
    rows: list[ForestRow],
    practice: Practice | None,
) -> str:
    pct = round(result.level * 100)
    est, lo, hi = (
        _scale(x, back_transform) for x in (result.estimate, result.ci_low, result.ci_high)
    )
    text = (
        f"Forest plot of {result.k} {'study' if result.k == 1 else 'studies'}. "
        f"Pooled {_METHOD_NAMES[result.method]} estimate {est:.2f} "
        f"({pct}% confidence interval {lo:.2f} to {hi:.2f})."
    )
    if result.pi_low is not None and result.pi_high is not None:
        pi_lo, pi_hi = _scale(result.pi_low, back_transform), _scale(result.pi_high, back_transform)
        text += f" {pct}% prediction interval {pi_lo:.2f} to {pi_hi:.2f}."
    if result.i2 is not None:
        text += f" I-squared {result.i2:.0f}%."
    if better is None:
        text += " Which side favours the treatment was not stated."
    else:
        side = "below" if better == "lower" else "above"
        text += f" Values {side} {1 if back_transform else 0} favour the treatment."
    return text + _describe_practice(rows, pct, practice.note if practice else "")


def _fmt(value: float) -> str:
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _values(rows: list[ForestRow]) -> list[dict[str, Any]]:
    values: list[dict[str, Any]] = []
    gap = 0
    for position, row in enumerate(rows):
        if row["kind"] != "study" and gap == 0:
            gap = 1  # one empty line between the studies and the summary rows
        estimate = row["estimate"]
        interval = f"[{_fmt(row['ci_low'])}, {_fmt(row['ci_high'])}]"
        values.append(
            {
                **row,
                "row": position + gap,
                "numbers": interval if estimate is None else f"{_fmt(estimate)} {interval}",
                "weight_text": "" if row["weight"] is None else f"{row['weight']:.1f}%",
            }
        )
    return values


def _diamond(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    pooled = next(row for row in rows if row["kind"] == "pooled")
    y = pooled["row"]
    return [
        {"x": pooled["ci_low"], "y": y, "y2": y},
        {"x": pooled["estimate"], "y": y - 0.4, "y2": y + 0.4},
        {"x": pooled["ci_high"], "y": y, "y2": y},
    ]


def _plot_layers(
    values: list[dict[str, Any]], x: dict[str, Any], null_value: float
) -> list[dict[str, Any]]:
    y = {"field": "row", "type": "quantitative", "axis": None}
    study = {"filter": "datum.kind === 'study'"}
    return [
        {"mark": {"type": "rule", "strokeDash": [4, 4], "color": "#6b6b6b"},
         "data": {"values": [{"null": null_value}]},
         "encoding": {"x": {**x, "field": "null"}}},
        {"transform": [study], "mark": {"type": "rule", "color": "#1d1d1d"},
         "encoding": {"x": {**x, "field": "ci_low"}, "x2": {"field": "ci_high"}, "y": y}},
        {"transform": [study],
         "mark": {"type": "square", "filled": True, "opacity": 1, "color": "#1d1d1d"},
         "encoding": {"x": {**x, "field": "estimate"}, "y": y,
                      "size": {"field": "weight", "type": "quantitative", "legend": None,
                               "scale": {"range": [20, 320]}}}},
        {"data": {"values": _diamond(values)}, "mark": {"type": "area", "color": "#1d4f91"},
         "encoding": {"x": {**x, "field": "x"}, "y": {**y, "field": "y"}, "y2": {"field": "y2"}}},
        {"transform": [{"filter": "datum.kind === 'prediction'"}],
         "mark": {"type": "rule", "strokeDash": [6, 3], "strokeWidth": 2, "color": "#1d4f91"},
         "encoding": {"x": {**x, "field": "ci_low"}, "x2": {"field": "ci_high"}, "y": y}},
        # Only with a practice row: an empty layer is an unlabelled mark group, which axe flags.
        *(_practice_layers(x, y) if any(v.get("kind") == "practice" for v in values) else []),
    ]  # fmt: skip


def _practice_layers(x: dict[str, Any], y: dict[str, Any]) -> list[dict[str, Any]]:
    """The observational row: its interval and a hollow circle, in a colour of its own."""
    practice = {"filter": "datum.kind === 'practice'"}
    return [
        {"transform": [practice], "mark": {"type": "rule", "color": _PRACTICE_COLOUR},
         "encoding": {"x": {**x, "field": "ci_low"}, "x2": {"field": "ci_high"}, "y": y}},
        {"transform": [practice],
         "mark": {"type": "point", "shape": "circle", "filled": False, "size": 110,
                  "strokeWidth": 2, "color": _PRACTICE_COLOUR, "fill": "#ffffff", "opacity": 1},
         "encoding": {"x": {**x, "field": "estimate"}, "y": y}},
    ]  # fmt: skip


def _text_column(field: str, title: str, width: int, align: str) -> dict[str, Any]:
    return {
        "width": width,
        "title": {"text": title, "fontSize": 12, "anchor": "start" if align == "left" else "end"},
        "mark": {
            "type": "text", "align": align, "baseline": "middle", "fontSize": 12,
            "limit": width - 10,  # a longer label is cut with an ellipsis (the table has it all)
        },
        "encoding": {
            "y": {"field": "row", "type": "quantitative", "axis": None},
            "x": {"value": 0 if align == "left" else width},
            "text": {"field": field, "type": "nominal"},
        },
    }  # fmt: skip


def _x_values(rows: list[ForestRow], null_value: float) -> list[float]:
    values = [null_value]
    for row in rows:
        values += [row["ci_low"], row["ci_high"]]
        if row["estimate"] is not None:
            values.append(row["estimate"])
    return values


def forest_spec(
    result: MetaResult,
    labels: Sequence[str] | None = None,
    *,
    title: str | None = None,
    description: str | None = None,
    effect_label: str = "Effect size",
    back_transform: bool = False,
    better: Better | None = None,
    compact: bool = False,
    practice: Practice | None = None,
) -> dict[str, Any]:
    """Vega-Lite (v6) specification of the forest plot, as a JSON-ready dict.

    ``back_transform=True`` is for ratio measures stored on the log scale: values are
    exponentiated, the x axis is logarithmic and the no-effect line is at 1 (else 0).
    ``better`` says whether lower or higher values of the outcome are better for the
    treated group (group 1); it decides which side is labelled "favours treatment", and
    without it the plot says that the direction was not stated.
    ``compact=True`` draws the phone layout (:data:`~msrelief.charts.forest_layout.COMPACT`).
    ``description`` defaults to a plain-language summary of the pooled result; it becomes
    the chart's accessible description. ``practice`` adds the observational row.
    """
    _check_size(result)
    layout = COMPACT if compact else WIDE
    rows = forest_table_rows(result, labels, back_transform=back_transform, practice=practice)
    values = _values(rows)
    n_rows = max(row["row"] for row in values) + 1
    favours_row = n_rows + (layout.favours_rows - 1) / 2
    n_rows += layout.favours_rows
    y_scale = {"domain": [-0.8, n_rows - 0.2], "reverse": True}
    null_value = 1.0 if back_transform else 0.0
    x_scale, x_axis = x_scale_and_axis(_x_values(rows, null_value), back_transform, layout)
    x = {"type": "quantitative", "scale": x_scale, "axis": x_axis, "title": effect_label}
    plot = {
        "width": layout.plot_width,
        "title": {"text": " ", "fontSize": 12},
        "layer": [
            *_plot_layers(values, x, null_value),
            *favours_layers(better, layout, favours_row),
        ],
    }
    columns = [_text_column("label", "Study", layout.label_width, "left"), plot]
    if layout.numbers:
        columns += [
            _text_column("numbers", f"Estimate [{round(result.level * 100)}% CI]", 150, "right"),
            _text_column("weight_text", "Weight", 60, "right"),
        ]
    for column in columns:
        column["height"] = _ROW_HEIGHT * n_rows
        for layer in column.get("layer", [column]):
            y = layer.get("encoding", {}).get("y")
            if y is not None:
                y["scale"] = y_scale
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": {"text": title or "Forest plot", "anchor": "start"},
        "description": description or _describe(result, back_transform, better, rows, practice),
        "data": {"values": values},
        "hconcat": columns,
        "spacing": 8,
        "resolve": {"scale": {"y": "shared"}},
        "config": {"view": {"stroke": None}, "font": "sans-serif"},
    }


def forest_chart(
    result: MetaResult,
    labels: Sequence[str] | None = None,
    **options: Any,
) -> Chart:
    """The forest plot as a :class:`~msrelief.charts.chart.Chart`: the spec of
    :func:`forest_spec` (``options`` are its keyword arguments) and its table rows."""
    spec = forest_spec(result, labels, **options)
    rows = forest_table_rows(
        result,
        labels,
        back_transform=bool(options.get("back_transform")),
        practice=options.get("practice"),
    )
    return Chart(
        spec=spec,
        title=spec["title"]["text"],
        description=spec["description"],
        columns=COLUMNS,
        table=tuple(rows),
        variant="compact" if options.get("compact") else "wide",
    )


def forest_svg(
    result: MetaResult,
    labels: Sequence[str] | None = None,
    **options: Any,
) -> str:
    """The forest plot as an SVG document with ``<title>``, ``<desc>`` and ``role="img"``.
    ``options`` are those of :func:`forest_spec`."""
    return render.to_svg(forest_chart(result, labels, **options))


def forest_png(
    result: MetaResult,
    labels: Sequence[str] | None = None,
    *,
    scale: float = 2.0,
    **options: Any,
) -> bytes:
    """The forest plot as PNG bytes (``scale`` 2 for print). A PNG has no text alternative:
    put the data table from :func:`forest_table_rows` next to it. ``scale`` is at most
    :data:`MAX_PNG_SCALE`, which with :data:`~msrelief.lib.limits.MAX_STUDIES` studies bounds
    the image at about 1,600 x 10,000 pixels."""
    if not 0 < scale <= MAX_PNG_SCALE:
        raise MetaAnalysisError(f"the PNG scale must be above 0 and at most {MAX_PNG_SCALE:g}")
    return render.to_png(forest_chart(result, labels, **options), scale=scale)
