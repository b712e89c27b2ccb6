"""A sparkline: a word-sized line chart of one 0-10 rating over time, as an inline SVG string.

The values come one per slot (a day, or a week), oldest first; ``None`` is a slot without a
rating, drawn as a gap: the line stops before it and starts again after it, so a missing day
is never bridged by a line that suggests a value. A rating with no neighbour is drawn as a
dot, and the latest rating is marked with a dot too.

The SVG names itself (``role="img"`` with ``aria-labelledby`` pointing at its ``<title>`` and
``<desc>``): the title says what is drawn, the description says it in numbers (how many slots
were rated, the lowest and highest rating, the first and the latest), in neutral words. A page
shows the same numbers in a table beside it. Nothing here imports Django; the caller marks the
returned markup safe (every text put into it is escaped here).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 140
HEIGHT = 32
PAD = 3  # room for the dots at the edges


@dataclass(frozen=True)
class Scale:
    """The range of the values and the size of the drawing, in CSS pixels."""

    low: float = 0.0
    high: float = 10.0
    width: int = WIDTH
    height: int = HEIGHT


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _checked(values: Sequence[float | None], scale: Scale) -> list[float | None]:
    if scale.high <= scale.low:
        raise ValueError("The scale's high end must be above its low end.")
    checked: list[float | None] = []
    for value in values:
        if value is not None and not (math.isfinite(value) and scale.low <= value <= scale.high):
            raise ValueError(f"{value!r} is outside {scale.low:g} to {scale.high:g}.")
        checked.append(None if value is None else float(value))
    return checked


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The unbroken stretches of rated slots, as (slot, value) pairs."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for slot, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((slot, value))
    if current:
        runs.append(current)
    return runs


def _point(slot: int, value: float, count: int, scale: Scale) -> tuple[float, float]:
    inner_w, inner_h = scale.width - 2 * PAD, scale.height - 2 * PAD
    x = PAD + (inner_w * slot / (count - 1) if count > 1 else inner_w / 2)
    y = PAD + inner_h * (scale.high - value) / (scale.high - scale.low)
    return round(x, 1), round(y, 1)


def describe(values: Sequence[float | None], slot_name: str = "day") -> str:
    """The numbers of the chart in words, e.g. ``"12 of 14 days rated. Lowest 2, highest 6.
    First 5, latest 3."``; ``"No day rated."`` when every slot is empty."""
    rated = [value for value in values if value is not None]
    total = len(values)
    plural = slot_name if total == 1 else f"{slot_name}s"
    if not rated:
        return f"No {slot_name} rated."
    parts = [
        f"{len(rated)} of {total} {plural} rated.",
        f"Lowest {_number(min(rated))}, highest {_number(max(rated))}.",
    ]
    if len(rated) > 1:
        parts.append(f"First {_number(rated[0])}, latest {_number(rated[-1])}.")
    else:
        parts.append(f"The one rating is {_number(rated[0])}.")
    return " ".join(parts)


def sparkline(
    values: Sequence[float | None],
    *,
    title: str,
    element_id: str,
    slot_name: str = "day",
    scale: Scale | None = None,
) -> str:
    """An inline ``<svg>`` of ``values`` (oldest first, ``None`` for a gap).

    ``title`` says what is drawn (``"Fatigue, last 14 days"``); ``element_id`` is unique on
    the page and prefixes the ids of the title and description; ``slot_name`` is what one
    value stands for, in the description. Values outside the scale (0 to 10 by default) are
    a ValueError: a rating outside its scale is a bug upstream, not something to draw.
    """
    scale = scale or Scale()
    checked = _checked(values, scale)
    count = len(checked)
    ident = html.escape(element_id, quote=True)
    shapes: list[str] = []
    for run in _runs(checked):
        points = [_point(slot, value, count, scale) for slot, value in run]
        if len(points) == 1:
            x, y = points[0]
            shapes.append(f'<circle cx="{x}" cy="{y}" r="2" fill="currentColor"/>')
        else:
            path = " ".join(f"{x},{y}" for x, y in points)
            shapes.append(
                f'<polyline points="{path}" fill="none" stroke="currentColor" '
                'stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>'
            )
    if checked and checked[-1] is not None:
        x, y = _point(count - 1, checked[-1], count, scale)
        shapes.append(f'<circle cx="{x}" cy="{y}" r="2.5" fill="currentColor"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" id="{ident}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" width="{scale.width}" '
        f'height="{scale.height}" viewBox="0 0 {scale.width} {scale.height}">'
        f'<title id="{ident}-title">{html.escape(title)}</title>'
        f'<desc id="{ident}-desc">{html.escape(describe(checked, slot_name))}</desc>'
        f'<line x1="{PAD}" y1="{scale.height - PAD}" x2="{scale.width - PAD}" '
        f'y2="{scale.height - PAD}" stroke="currentColor" stroke-opacity="0.25"/>'
        + "".join(shapes)
        + "</svg>"
    )
