"""Render any :class:`~msrelief.charts.chart.Chart` to SVG (for pages) or PNG (for PDFs)
through vl-convert, which runs Vega in-process: no browser, no network.

vl-convert's SVG carries no accessible name, so :func:`accessible_svg` gives the root ``<svg>``
``role="img"``, ``aria-labelledby`` and ``<title>``/``<desc>`` children from the chart's title
and description. A PNG has no text alternative: put the chart's table next to it.
"""

from __future__ import annotations

import hashlib
import html
import json

import vl_convert

from msrelief.charts.chart import Chart, ChartError

__all__ = ["MAX_PNG_SCALE", "accessible_svg", "to_png", "to_svg"]

#: The largest PNG scale factor (2 is print quality).
MAX_PNG_SCALE = 2.0


def accessible_svg(svg: str, title: str, description: str, variant: str = "") -> str:
    """Give the root ``<svg>`` an accessible name and description. The element ids derive from
    the text and ``variant``, so the wide and the compact drawing of one chart on the same
    page keep their ids apart."""
    digest = hashlib.sha256((variant + title + description).encode()).hexdigest()[:10]
    title_id, desc_id = f"chart-title-{digest}", f"chart-desc-{digest}"
    start = svg.index("<svg")
    end = svg.index(">", start)
    attributes = f' role="img" aria-labelledby="{title_id} {desc_id}"'
    elements = (
        f'<title id="{title_id}">{html.escape(title)}</title>'
        f'<desc id="{desc_id}">{html.escape(description)}</desc>'
    )
    return svg[:end] + attributes + ">" + elements + svg[end + 1 :]


def to_svg(chart: Chart) -> str:
    """The chart as an SVG document with ``<title>``, ``<desc>`` and ``role="img"``."""
    svg = str(vl_convert.vegalite_to_svg(json.dumps(chart.spec, allow_nan=False)))
    variant = "" if chart.variant == "wide" else chart.variant
    return accessible_svg(svg, chart.title, chart.description, variant)


def to_png(chart: Chart, *, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes; ``scale`` is above 0 and at most :data:`MAX_PNG_SCALE`."""
    if not 0 < scale <= MAX_PNG_SCALE:
        raise ChartError(f"the PNG scale must be above 0 and at most {MAX_PNG_SCALE:g}")
    return bytes(vl_convert.vegalite_to_png(json.dumps(chart.spec, allow_nan=False), scale=scale))
