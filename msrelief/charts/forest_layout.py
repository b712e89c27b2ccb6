"""The parts of a forest plot that depend on the space it has: two layouts, the x axis's
scale and ticks, and the labels that say which side favours the treatment.

The **wide** layout has four columns (study, plot, estimate with CI, weight) and fits a
desktop page. The **compact** layout has only the study column (long labels cut with an
ellipsis) and the plot, in 320 pixels, so that a 360-pixel phone shows it at full size; its
numbers are in the table that goes with every plot.

Ticks are few enough that their labels never touch: a linear axis asks Vega for at most a
handful, and a logarithmic (ratio) axis gets explicit values from the 1-2-5 sequence, thinned
to 1-3, then to powers of ten, then to every second or third power of ten.

Which side favours the treatment follows from the direction of the outcome: effects are
group 1 (treated) minus, or over, group 2 (comparison), so when lower values are better an
effect below no effect favours the treatment, and when higher values are better one above
it does. When the direction is not given, the plot says so instead of guessing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["COMPACT", "WIDE", "Better", "Layout", "favours_layers", "log_ticks", "x_scale_and_axis"]

#: Which values of the outcome are better for the treated group.
Better = Literal["lower", "higher"]

_FONT_SIZE = 11


@dataclass(frozen=True)
class Layout:
    """Widths (in pixels) and how much of the plot is shown."""

    name: str
    label_width: int
    plot_width: int
    max_ticks: int
    numbers: bool
    favours_rows: int  # rows of the grid that the "favours" labels take (two-line labels: 2)


WIDE = Layout("wide", label_width=190, plot_width=320, max_ticks=7, numbers=True, favours_rows=1)
COMPACT = Layout(
    "compact", label_width=110, plot_width=186, max_ticks=4, numbers=False, favours_rows=2
)


def _bounds(values: list[float]) -> tuple[float, float]:
    finite = [v for v in values if math.isfinite(v) and v > 0]
    return min(finite), max(finite)


def _step_down(value: float) -> float:
    """The largest number of the form 1, 2 or 5 times a power of ten that is <= ``value``."""
    exponent = math.floor(math.log10(value))
    for mantissa in (5, 2, 1):
        candidate = float(f"{mantissa}e{exponent}")
        if candidate <= value * (1 + 1e-12):
            return candidate
    return float(f"1e{exponent}")  # pragma: no cover - 1e{exponent} <= value always


def _step_up(value: float) -> float:
    """The smallest number of the form 1, 2 or 5 times a power of ten that is >= ``value``."""
    exponent = math.floor(math.log10(value))
    for mantissa in (1, 2, 5, 10):
        candidate = float(f"{mantissa}e{exponent}")
        if candidate >= value * (1 - 1e-12):
            return candidate
    return float(f"1e{exponent + 1}")  # pragma: no cover


def log_ticks(low: float, high: float, most: int) -> list[float]:
    """At most ``most`` tick values between ``low`` and ``high`` (both > 0) on a log axis:
    1-2-5 per decade, else 1-3, else powers of ten, else every n-th power of ten (with 1)."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    for mantissas in ((1, 2, 5), (1, 3), (1,)):
        ticks = [
            float(f"{m}e{e}")
            for e in range(first, last + 1)
            for m in mantissas
            if low * (1 - 1e-12) <= float(f"{m}e{e}") <= high * (1 + 1e-12)
        ]
        if len(ticks) <= most:
            return ticks
    lowest, highest = math.ceil(math.log10(low)), math.floor(math.log10(high))
    step = math.ceil((highest - lowest + 1) / most)
    return [float(f"1e{e}") for e in range(lowest, highest + 1) if e % step == 0]


def x_scale_and_axis(
    values: list[float], back_transform: bool, layout: Layout
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The x scale and axis: log with explicit ticks for ratios, else linear with few ticks.
    ``values`` are every plotted x value, the no-effect value included."""
    axis: dict[str, Any] = {"grid": False, "labelOverlap": True, "labelFlush": True}
    if not back_transform:
        return {"zero": False}, {**axis, "tickCount": layout.max_ticks}
    low, high = _bounds(values)
    domain = [_step_down(low), _step_up(high)]
    ticks = log_ticks(domain[0], domain[1], layout.max_ticks)
    scale = {"type": "log", "domain": domain, "nice": False}
    return scale, {**axis, "values": ticks, "format": "~g"}


def _favours_text(better: Better | None, layout: Layout) -> list[tuple[Any, str]]:
    """(text, where) pairs: where is "left", "right" or "centre" of the plot."""
    two_lines = layout.favours_rows > 1
    if better is None:
        words = ["Not stated which side", "favours treatment"]
        return [(words if two_lines else " ".join(words), "centre")]
    treatment, control = ["\u2190 favours", "treatment"], ["favours", "control \u2192"]
    if better == "higher":
        treatment, control = ["\u2190 favours", "control"], ["favours", "treatment \u2192"]
    if not two_lines:
        return [(" ".join(treatment), "left"), (" ".join(control), "right")]
    return [(treatment, "left"), (control, "right")]


def favours_layers(better: Better | None, layout: Layout, row: float) -> list[dict[str, Any]]:
    """Text layers for the plot column, at grid row ``row`` (under the summary rows)."""
    layers = []
    for text, where in _favours_text(better, layout):
        x = {"left": 0, "right": layout.plot_width, "centre": layout.plot_width / 2}[where]
        align = {"left": "left", "right": "right", "centre": "center"}[where]
        layers.append(
            {
                "data": {"values": [{"row": row}]},
                "mark": {
                    "type": "text",
                    "text": text,
                    "align": align,
                    "baseline": "middle",
                    "fontSize": _FONT_SIZE,
                    "lineHeight": _FONT_SIZE + 3,
                    "color": "#1d1d1d",
                },
                "encoding": {
                    "x": {"value": x},
                    "y": {"field": "row", "type": "quantitative", "axis": None},
                },
            }
        )
    return layers
