"""Rendering any chart: SVG with an accessible name and description, PNG within print scale."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from msrelief.charts.chart import Chart, ChartError
from msrelief.charts.render import accessible_svg, to_png, to_svg

SVG_NS = "{http://www.w3.org/2000/svg}"


def _chart(variant: str = "wide") -> Chart:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": "Two bars & a <test>",
        "description": "Bar a is 1 and bar b is 2.",
        "data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": 2}]},
        "mark": "bar",
        "encoding": {
            "x": {"field": "k", "type": "nominal"},
            "y": {"field": "v", "type": "quantitative"},
        },
    }
    return Chart(
        spec=spec,
        title="Two bars & a <test>",
        description="Bar a is 1 and bar b is 2.",
        columns=("k", "v"),
        table=({"k": "a", "v": 1}, {"k": "b", "v": 2}),
        variant=variant,
    )


def test_the_svg_root_has_role_img_and_a_title_and_desc_it_is_labelled_by() -> None:
    root = ElementTree.fromstring(to_svg(_chart()))  # noqa: S314 - our own output
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
    assert title is not None and title.text == "Two bars & a <test>"
    assert desc is not None and desc.text == "Bar a is 1 and bar b is 2."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_the_wide_and_compact_drawings_of_one_chart_get_different_ids() -> None:
    wide = ElementTree.fromstring(to_svg(_chart("wide")))  # noqa: S314
    compact = ElementTree.fromstring(to_svg(_chart("compact")))  # noqa: S314
    assert wide.get("aria-labelledby") != compact.get("aria-labelledby")


def test_accessible_svg_escapes_the_text_and_keeps_the_rest_of_the_document() -> None:
    svg = accessible_svg('<svg width="10"><g/></svg>', 'A "b" <c>', "d & e")
    assert svg.endswith("<g/></svg>")
    assert "<title id=" in svg and "A &quot;b&quot; &lt;c&gt;</title>" in svg
    assert "d &amp; e</desc>" in svg


def test_the_png_is_a_png_image() -> None:
    assert to_png(_chart(), scale=1).startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("scale", [0, -1, 2.5, 10])
def test_a_png_scale_outside_zero_to_two_is_refused(scale: float) -> None:
    with pytest.raises(ChartError, match="at most 2"):
        to_png(_chart(), scale=scale)
