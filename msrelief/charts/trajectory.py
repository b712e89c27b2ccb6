"""One score of one client over time, as a Vega-Lite chart built with altair.

Everything instrument-specific comes from the score's presentation contract
(:class:`~msrelief.scoring.contract.Presentation`): the y axis and its direction, the band lines,
and the MCID band drawn around the first (baseline) value when the MCID is known. On the same
time axis the chart shades programme periods and marks events (a relapse, a steroid course, a
change of disease-modifying therapy).

The time axis runs from the first score to the last, with a small pad either side
(:data:`PAD_DAYS`, or a twentieth of the span when that is more), whatever the dates of the
marks: a DMT started years before the first score does not squeeze the scores into a corner.
Periods that overlap the axis are shaded, cut at its ends; events on it are marked; the marks
that fall outside are listed in words in the description and in ``Chart.notes`` ("Before this
chart: DMT change on 1 March 2022 (started ocrelizumab).").

The result is a :class:`~msrelief.charts.chart.Chart`: a title, a description generated from
the numbers (first and last value, the change, how many points, the periods and events), and
a table of the points (date, value, band) with the same numbers as the chart. The compact
variant is :data:`COMPACT_WIDTH` pixels wide, so that a 360-pixel phone shows it whole. The
``plain`` wording, for the client's own page, names the MCID band in everyday words.
"""

from __future__ import annotations

import datetime
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import altair as alt

from msrelief.charts.chart import Chart, ChartError
from msrelief.scoring.contract import Presentation, date_text, number_text

__all__ = [
    "COMPACT_WIDTH",
    "EVENT_KINDS",
    "MAX_POINTS",
    "PAD_DAYS",
    "WIDE_WIDTH",
    "Event",
    "Period",
    "trajectory_chart",
]

EventKind = Literal["relapse", "steroid", "dmt"]
#: What each kind of event is called in the legend and the description.
EVENT_KINDS: dict[str, str] = {
    "relapse": "relapse",
    "steroid": "steroid course",
    "dmt": "DMT change",
}
_EVENT_SHAPES = {"relapse": "triangle-down", "steroid": "diamond", "dmt": "square"}
#: The most points one chart draws (a weekly rating for ten years is 520).
MAX_POINTS = 600
WIDE_WIDTH, COMPACT_WIDTH = 640, 250
#: Days of time axis before the first score and after the last, at least.
PAD_DAYS = 7
_INK, _LINE, _MCID, _PERIOD = "#1d1d1d", "#1d4f91", "#c9dcf2", "#e8e8e8"


@dataclass(frozen=True)
class Period:
    """A programme period shaded on the time axis, ``start`` to ``end`` inclusive."""

    start: datetime.date
    end: datetime.date
    label: str


@dataclass(frozen=True)
class Event:
    """An event marked on the time axis: ``kind`` is one of :data:`EVENT_KINDS`."""

    date: datetime.date
    kind: EventKind
    label: str


def _checked_points(
    presentation: Presentation, points: Sequence[tuple[datetime.date, float]]
) -> list[tuple[datetime.date, float]]:
    if not points:
        raise ChartError("a trajectory needs at least one score")
    if len(points) > MAX_POINTS:
        raise ChartError(
            f"a trajectory is drawn for at most {MAX_POINTS} scores, not {len(points)}"
        )
    low, high = presentation.axis
    for row, (_, value) in enumerate(points, start=1):
        if not math.isfinite(value) or not low <= value <= high:
            raise ChartError(
                f"score {row} ({value!r}) is not a number from {number_text(low)} to "
                f"{number_text(high)}, the axis of {presentation.label}"
            )
    return sorted(points, key=lambda point: point[0])


def _check_marks(periods: Sequence[Period], events: Sequence[Event]) -> None:
    for row, period in enumerate(periods, start=1):
        if period.end < period.start:
            raise ChartError(f"period {row} ({period.label!r}) ends before it starts")
    for row, event in enumerate(events, start=1):
        if event.kind not in EVENT_KINDS:
            known = ", ".join(EVENT_KINDS)
            raise ChartError(f"event {row} has kind {event.kind!r}; known kinds: {known}")


def _iso(day: datetime.date) -> str:
    return day.isoformat()


Window = tuple[datetime.date, datetime.date]


def _window(ordered: list[tuple[datetime.date, float]]) -> Window:
    """The time axis: the first score to the last, padded on both sides."""
    first, last = ordered[0][0], ordered[-1][0]
    pad = datetime.timedelta(days=max(PAD_DAYS, (last - first).days // 20))
    return first - pad, last + pad


def _event_text(event: Event) -> str:
    return f"{EVENT_KINDS[event.kind]} on {date_text(event.date)} ({event.label})"


def _period_text(period: Period) -> str:
    return f"{period.label}, {date_text(period.start)} to {date_text(period.end)}"


def _on_axis(
    periods: Sequence[Period], events: Sequence[Event], window: Window
) -> tuple[list[Period], list[Event], tuple[str, ...]]:
    """The periods that overlap the axis, the events on it, and the others in words (by date,
    those before the first score, then those after the last)."""
    low, high = window
    shown = [p for p in periods if p.end >= low and p.start <= high]
    marked = [e for e in events if low <= e.date <= high]
    before = [(p.start, _period_text(p)) for p in periods if p.end < low]
    before += [(e.date, _event_text(e)) for e in events if e.date < low]
    after = [(p.start, _period_text(p)) for p in periods if p.start > high]
    after += [(e.date, _event_text(e)) for e in events if e.date > high]
    notes = []
    for heading, found in (("Before this chart", before), ("After the last score", after)):
        if found:
            words = "; ".join(text for _, text in sorted(found, key=lambda item: item[0]))
            notes.append(f"{heading}: {words}.")
    return shown, marked, tuple(notes)


def _day(day: datetime.date) -> dict[str, Any]:
    """A Vega-Lite date-time for the start of ``day`` in UTC (the scale's time zone)."""
    return {"year": day.year, "month": day.month, "date": day.day, "utc": True}


def _time(compact: bool, window: Window) -> dict[str, Any]:
    return {
        "field": "date",
        "type": "temporal",
        "title": None,
        "scale": {"type": "utc", "domain": [_day(window[0]), _day(window[1])]},
        "axis": {"format": "%b %Y", "tickCount": 3 if compact else 6, "labelOverlap": True},
    }


def _value_axis(presentation: Presentation, compact: bool) -> alt.Y:
    low, high = presentation.axis
    return alt.Y(
        "value:Q",
        title=presentation.label,
        scale=alt.Scale(domain=[low, high], nice=False),
        axis=alt.Axis(grid=False, tickCount=5, titleLimit=_height(compact)),
    )


def _wrap(text: str, compact: bool) -> list[str]:
    """The title in lines that fit the chart's width (about 7 pixels a character)."""
    return textwrap.wrap(text, width=(COMPACT_WIDTH if compact else WIDE_WIDTH) // 7) or [text]


def _height(compact: bool) -> int:
    return 200 if compact else 260


def _mcid_layer(
    presentation: Presentation, baseline: float, edss: float | None
) -> alt.Chart | None:
    lower, upper = presentation.mcid_around(baseline, edss)
    if lower is None and upper is None:
        return None
    low, high = presentation.axis
    band = {
        "low": max(low, lower if lower is not None else baseline),
        "high": min(high, upper if upper is not None else baseline),
    }
    layer: alt.Chart = (
        alt.Chart(alt.InlineData(values=[band]))
        .mark_rect(color=_MCID, opacity=0.6)
        .encode(y=alt.Y("low:Q", scale=alt.Scale(domain=list(presentation.axis))), y2="high:Q")
    )
    return layer


def _period_layer(periods: Sequence[Period], time: dict[str, Any], window: Window) -> alt.Chart:
    """The programme periods shaded, each cut at the ends of the axis."""
    low, high = window
    shaded = [
        {"start": _iso(max(p.start, low)), "end": _iso(min(p.end, high)), "label": p.label}
        for p in periods
    ]
    layer: alt.Chart = (
        alt.Chart(alt.InlineData(values=shaded))
        .mark_rect(color=_PERIOD)
        .encode(x={**time, "field": "start"}, x2="end:T", tooltip=["label:N"])
    )
    return layer


def _event_layers(events: Sequence[Event], time: dict[str, Any]) -> list[alt.Chart]:
    """A dotted rule for each event, with a shape per kind along the bottom and its legend."""
    marked = [{"date": _iso(e.date), "kind": EVENT_KINDS[e.kind], "label": e.label} for e in events]
    legend = alt.Legend(title=None, orient="bottom")
    kinds = [kind for kind in EVENT_KINDS if any(e.kind == kind for e in events)]
    shapes = alt.Scale(
        domain=[EVENT_KINDS[k] for k in kinds], range=[_EVENT_SHAPES[k] for k in kinds]
    )
    base = alt.Chart(alt.InlineData(values=marked)).encode(x=time)
    return [
        base.mark_rule(color=_INK, strokeDash=[2, 3]),
        base.mark_point(color=_INK, filled=True, size=70, yOffset=6)
        .encode(y=alt.value(0), shape=alt.Shape("kind:N", scale=shapes, legend=legend))
        .encode(tooltip=["date:T", "kind:N", "label:N"]),
    ]


def _layers(
    presentation: Presentation,
    rows: list[dict[str, Any]],
    periods: Sequence[Period],
    events: Sequence[Event],
    edss: float | None,
    compact: bool,
    window: Window,
) -> list[alt.Chart]:
    """The layers, given only the periods and events on the axis."""
    time = _time(compact, window)
    layers: list[alt.Chart] = [_period_layer(periods, time, window)] if periods else []
    mcid = _mcid_layer(presentation, rows[0]["value"], edss)
    if mcid is not None:
        layers.append(mcid)
    if presentation.band_lines:
        lines = [{"value": value} for value in presentation.band_lines]
        layers.append(
            alt.Chart(alt.InlineData(values=lines))
            .mark_rule(color="#6b6b6b", strokeDash=[4, 4])
            .encode(y=_value_axis(presentation, compact))
        )
    scores = alt.Chart(alt.InlineData(values=rows)).encode(
        x=time, y=_value_axis(presentation, compact), tooltip=["date:T", "value:Q", "band:N"]
    )
    layers += [scores.mark_line(color=_LINE), scores.mark_point(color=_LINE, filled=True, size=48)]
    return layers + (_event_layers(events, time) if events else [])


def _describe(
    presentation: Presentation,
    points: list[tuple[datetime.date, float]],
    periods: Sequence[Period],
    events: Sequence[Event],
    edss: float | None,
    plain: bool = False,
) -> str:
    """The numbers in words; ``periods`` and ``events`` are those on the axis (the caller adds
    the notes on the others)."""
    (first_day, first), (last_day, last) = points[0], points[-1]
    name = f"{presentation.short_title} {presentation.label.lower()}"
    count = f"{len(points)} score{'' if len(points) == 1 else 's'}"

    def reading(value: float) -> str:
        band = presentation.band_of(value)
        return number_text(value) + (f" ({band})" if band else "")

    text = f"{name} ({presentation.direction_label}), {count}: first {reading(first)} on "
    text += date_text(first_day)
    if len(points) > 1:
        text += f", last {reading(last)} on {date_text(last_day)}, "
        text += presentation.change_phrase(first, last)
    text += "."
    lines = presentation.mcid_lines(edss)
    if lines:
        sizes = sorted({f"{number_text(line.size)} {line.unit}" for line in lines})
        if plain:
            text += (
                " The shaded band around the first score shows how big a change must be to "
                f"matter in daily life, as research has measured it ({', '.join(sizes)})."
            )
        else:
            text += f" The shaded band around the first score is the MCID ({', '.join(sizes)})."
    if periods:
        text += f" Programme periods: {'; '.join(_period_text(p) for p in periods)}."
    if events:
        text += f" Marked events: {'; '.join(_event_text(e) for e in events)}."
    return text


def trajectory_chart(
    presentation: Presentation,
    points: Sequence[tuple[datetime.date, float]],
    *,
    periods: Sequence[Period] = (),
    events: Sequence[Event] = (),
    edss: float | None = None,
    compact: bool = False,
    title: str | None = None,
    plain: bool = False,
) -> Chart:
    """The chart of one score over time: ``points`` are (date, value) pairs, in any order.

    ``edss`` is the client's EDSS, used only by an MCID given per EDSS band. ``compact`` draws
    the phone variant; ``plain`` words the description for the client's own page. A value off
    the contract's axis, a period that ends before it starts or an unknown event kind is a
    :class:`~msrelief.charts.chart.ChartError` naming the row. Periods and events outside the
    time axis (first to last score, padded) are not drawn but listed in ``notes``.
    """
    ordered = _checked_points(presentation, points)
    _check_marks(periods, events)
    window = _window(ordered)
    shown, marked, notes = _on_axis(periods, events, window)
    rows = [
        {"date": _iso(day), "value": value, "band": presentation.band_of(value)}
        for day, value in ordered
    ]
    heading = title or f"{presentation.short_title}: {presentation.label}"
    description = " ".join((_describe(presentation, ordered, shown, marked, edss, plain), *notes))
    direction = presentation.direction_label.capitalize()
    layered = alt.layer(*_layers(presentation, rows, shown, marked, edss, compact, window))
    spec = layered.properties(
        title=alt.Title(_wrap(heading, compact), subtitle=direction, anchor="start"),
        description=description,
        width=COMPACT_WIDTH if compact else WIDE_WIDTH,
        height=_height(compact),
    ).configure_view(stroke=None)
    return Chart(
        spec=spec.to_dict(),
        title=heading,
        description=description,
        columns=("date", "value", "band"),
        table=tuple(rows),
        variant="compact" if compact else "wide",
        notes=notes,
    )
