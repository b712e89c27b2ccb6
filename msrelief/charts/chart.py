"""The result every chart builder returns: the Vega-Lite spec with its title, its text
description and the same numbers as table rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class ChartError(ValueError):
    """A chart that cannot be drawn from what was given; the message says why."""


@dataclass(frozen=True, eq=False)
class Chart:
    """One chart, ready to render (:mod:`msrelief.charts.render`) or to embed in a page.

    ``spec`` is a JSON-ready Vega-Lite dict whose ``title`` and ``description`` are
    ``title`` and ``description``. ``table`` holds one mapping per row with the keys of
    ``columns``: the numbers the chart draws, for the HTML table that goes with it and for
    anyone who cannot see the chart. ``variant`` names the layout ("wide" or "compact"), so
    that two drawings of one chart on a page get different element ids. ``notes`` are what
    the chart leaves out, in words, for the page to list beside it (a trajectory's marks that
    fall outside its time axis: "Before this chart: DMT change on 1 March 2022 (started
    ocrelizumab)"); the description says the same.
    """

    spec: dict[str, Any]
    title: str
    description: str
    columns: tuple[str, ...]
    table: tuple[Mapping[str, Any], ...]
    variant: str = "wide"
    notes: tuple[str, ...] = ()
