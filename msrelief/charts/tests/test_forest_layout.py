"""Forest plot layouts: ticks that never touch, a compact drawing that fits a 360-pixel phone,
and "favours treatment / favours control" on the side the outcome's direction says."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import altair
import jsonschema
import pytest

from msrelief.charts.forest import forest_spec, forest_svg
from msrelief.charts.forest_layout import COMPACT, WIDE, Better, log_ticks
from msrelief.stats.effect_sizes import log_risk_ratio
from msrelief.stats.meta import MetaResult, meta_analysis
from msrelief.stats.tests import reference_data as ref

SVG_NS = "{http://www.w3.org/2000/svg}"
#: A 360-pixel screen less the page's 16-pixel margins.
PHONE_CONTENT_WIDTH = 328


def _bcg() -> MetaResult:
    effects = [log_risk_ratio(*trial[1:]) for trial in ref.BCG]
    return meta_analysis(
        [e.yi for e in effects],
        [e.vi for e in effects],
        method="REML",
        labels=[trial[0] for trial in ref.BCG],
    )


def _smd() -> MetaResult:
    return meta_analysis(
        [-0.52, -0.21, 0.08],
        [0.04, 0.05, 0.09],
        method="REML",
        labels=["A study with a label far too long for a phone (2024)", "Short 2020", "Mid 2019"],
    )


def _svg_texts(svg: str) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text element, positions in the SVG's own pixels."""
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output, not untrusted
    found = []
    for group in root.iter(f"{SVG_NS}g"):
        if "role-axis-label" not in (group.get("class") or ""):
            continue
        offset = _translate(group.get("transform"))
        for text in group.iter(f"{SVG_NS}text"):
            x, y = _translate(text.get("transform"))
            found.append(("".join(text.itertext()), x + offset[0], y + offset[1]))
    return found


def _translate(transform: str | None) -> tuple[float, float]:
    match = re.search(r"translate\(([-\d.e]+),\s*([-\d.e]+)\)", transform or "")
    return (float(match.group(1)), float(match.group(2))) if match else (0.0, 0.0)


def _width(svg: str) -> float:
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output, not untrusted
    return float(root.get("width") or 0)


def _favours(spec: dict[str, Any]) -> list[tuple[str, float]]:
    """("favours …" text as one string, its x in pixels) of the plot column's text layers."""
    plot = next(column for column in spec["hconcat"] if "layer" in column)
    found = []
    for layer in plot["layer"]:
        mark = layer["mark"]
        if mark["type"] == "text":
            text = " ".join(mark["text"]) if isinstance(mark["text"], list) else mark["text"]
            found.append((text, layer["encoding"]["x"]["value"]))
    return found


@pytest.mark.parametrize(
    ("low", "high", "most", "expected"),
    [
        (0.05, 10, 8, [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]),
        (0.05, 10, 7, [0.1, 0.3, 1, 3, 10]),
        (0.05, 10, 4, [0.1, 1, 10]),
        (0.5, 2, 4, [0.5, 1, 2]),
        (1e-6, 1e6, 4, [1e-4, 1, 1e4]),
    ],
)
def test_log_ticks_are_thinned_from_1_2_5_to_powers_of_ten(low, high, most, expected) -> None:
    ticks = log_ticks(low, high, most)
    assert ticks == pytest.approx(expected)


def test_log_ticks_of_an_enormous_range_stay_few_and_include_one() -> None:
    ticks = log_ticks(1e-300, 1e300, 4)
    assert len(ticks) <= 5 and 1.0 in ticks


@pytest.mark.parametrize("compact", [False, True], ids=["wide", "compact"])
@pytest.mark.parametrize("ratio", [False, True], ids=["linear", "log"])
def test_the_x_axis_labels_of_either_layout_never_touch(compact: bool, ratio: bool) -> None:
    result = _bcg() if ratio else _smd()
    svg = forest_svg(result, back_transform=ratio, compact=compact, better="lower")
    labels = sorted(_svg_texts(svg), key=lambda label: label[1])
    assert len(labels) >= 3
    font_width = 7.0  # generous: the axis labels are 10 px text
    for (left, x1, _), (right, x2, _) in itertools.pairwise(labels):
        room = x2 - x1
        needed = font_width * (len(left) + len(right)) / 2
        assert room > needed, f"{left!r} and {right!r} are {room:.0f} px apart"


@pytest.mark.parametrize("result", [_bcg(), _smd()], ids=["13 studies", "a long label"])
def test_the_compact_plot_fits_a_360_pixel_phone_and_the_wide_one_keeps_the_numbers(
    result: MetaResult,
) -> None:
    compact = forest_svg(result, compact=True)
    assert _width(compact) <= PHONE_CONTENT_WIDTH
    assert "Estimate [95% CI]" not in compact and "Weight" not in compact
    wide = forest_svg(result)
    assert _width(wide) > PHONE_CONTENT_WIDTH
    assert "Estimate [95% CI]" in wide and "Weight" in wide


def test_a_study_label_too_long_for_its_column_is_cut_with_an_ellipsis() -> None:
    root = ElementTree.fromstring(forest_svg(_smd(), compact=True))  # noqa: S314 - our own
    drawn = ["".join(text.itertext()) for text in root.iter(f"{SVG_NS}text")]
    assert "Short 2020" in drawn
    cut = [text for text in drawn if text.startswith("A study")]
    assert len(cut) == 1 and cut[0].endswith("\u2026") and "(2024)" not in cut[0]


@pytest.mark.parametrize(
    ("better", "left", "right"),
    [
        ("lower", "\u2190 favours treatment", "favours control \u2192"),
        ("higher", "\u2190 favours control", "favours treatment \u2192"),
    ],
)
@pytest.mark.parametrize("compact", [False, True], ids=["wide", "compact"])
def test_favours_treatment_is_on_the_side_where_the_better_values_lie(
    better: Better, left: str, right: str, compact: bool
) -> None:
    layout = COMPACT if compact else WIDE
    spec = forest_spec(_smd(), better=better, compact=compact)
    assert _favours(spec) == [(left, 0), (right, layout.plot_width)]


def test_a_plot_whose_direction_was_not_given_says_so_instead_of_guessing() -> None:
    spec = forest_spec(_smd(), compact=False)
    assert _favours(spec) == [("Not stated which side favours treatment", WIDE.plot_width / 2)]
    assert "favours control" not in json.dumps(spec)
    assert spec["description"].endswith("Which side favours the treatment was not stated.")


def test_the_description_says_which_side_favours_the_treatment() -> None:
    ratio = forest_spec(_bcg(), back_transform=True, better="lower")
    assert ratio["description"].endswith("Values below 1 favour the treatment.")
    linear = forest_spec(_smd(), better="higher")
    assert linear["description"].endswith("Values above 0 favour the treatment.")


@pytest.mark.parametrize("compact", [False, True], ids=["wide", "compact"])
def test_both_layouts_are_valid_vega_lite(compact: bool) -> None:
    schema_path = (
        Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    )
    schema = json.loads(schema_path.read_text())
    for better in ("lower", "higher", None):
        spec = forest_spec(_bcg(), back_transform=True, better=better, compact=compact)
        jsonschema.validate(spec, schema)
        json.dumps(spec, allow_nan=False)


def test_the_wide_and_compact_drawings_of_one_plot_have_different_ids() -> None:
    wide, compact = forest_svg(_bcg()), forest_svg(_bcg(), compact=True)
    wide_ids = set(re.findall(r'id="([^"]+)"', wide))
    compact_ids = set(re.findall(r'id="([^"]+)"', compact))
    assert wide_ids and compact_ids and not wide_ids & compact_ids
