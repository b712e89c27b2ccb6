"""Forest plot: Vega-Lite spec, accessible SVG, PNG and the matching table rows."""

from __future__ import annotations

import html
import json
import math
from pathlib import Path
from xml.etree import ElementTree

import altair
import jsonschema
import pytest

from msrelief.charts.forest import (
    Practice,
    forest_chart,
    forest_png,
    forest_spec,
    forest_svg,
    forest_table_rows,
)
from msrelief.stats.effect_sizes import log_risk_ratio
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import MetaResult, meta_analysis
from msrelief.stats.tests import reference_data as ref

SVG_NS = "{http://www.w3.org/2000/svg}"


def _bcg(method: str = "REML") -> MetaResult:
    effects = [log_risk_ratio(*trial[1:]) for trial in ref.BCG]
    return meta_analysis(
        [e.yi for e in effects],
        [e.vi for e in effects],
        method=method,  # type: ignore[arg-type]
        labels=[trial[0] for trial in ref.BCG],
    )


@pytest.fixture(scope="module")
def bcg_svg() -> str:
    return forest_svg(_bcg(), title="BCG vaccine and tuberculosis", back_transform=True)


def test_svg_renders_and_contains_every_study_label(bcg_svg: str) -> None:
    root = ElementTree.fromstring(bcg_svg)  # noqa: S314 - our own output, not untrusted
    assert root.tag == f"{SVG_NS}svg"
    for label, *_ in ref.BCG:
        assert html.escape(label, quote=False) in bcg_svg


def test_svg_has_an_accessible_name_and_description(bcg_svg: str) -> None:
    root = ElementTree.fromstring(bcg_svg)  # noqa: S314 - our own output, not untrusted
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
    assert title is not None and title.text == "BCG vaccine and tuberculosis"
    assert desc is not None and desc.text is not None
    assert "13 studies" in desc.text and "0.49" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_png_is_a_png_image() -> None:
    png = forest_png(_bcg(), title="BCG", scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_table_rows_hold_the_plotted_numbers_with_pooled_and_prediction_rows() -> None:
    result = _bcg()
    rows = forest_table_rows(result, back_transform=True)
    assert [row["kind"] for row in rows] == ["study"] * 13 + ["pooled", "prediction"]
    aronson = rows[0]
    assert aronson["label"] == "Aronson 1948"
    assert aronson["estimate"] == pytest.approx(math.exp(result.yi[0]))
    assert aronson["ci_low"] == pytest.approx(
        math.exp(result.yi[0] - 1.959964 * result.vi[0] ** 0.5)
    )
    assert aronson["weight"] == pytest.approx(result.weights[0])
    pooled, prediction = rows[-2], rows[-1]
    assert pooled["estimate"] == pytest.approx(math.exp(result.estimate))
    assert prediction["estimate"] is None
    assert prediction["ci_low"] == pytest.approx(math.exp(result.pi_low or 0.0))
    json.dumps(rows, allow_nan=False)


def test_fixed_effect_plot_has_no_prediction_row() -> None:
    rows = forest_table_rows(_bcg("FE"))
    assert rows[-1]["kind"] == "pooled"


def test_labels_argument_overrides_and_must_match_the_number_of_studies() -> None:
    result = meta_analysis([0.1, 0.3], [0.01, 0.02], method="DL")
    assert [r["label"] for r in forest_table_rows(result, ["One", "Two"])][:2] == ["One", "Two"]
    with pytest.raises(ValueError, match="1 labels were given for 2 studies"):
        forest_table_rows(result, ["One"])


def test_spec_is_valid_vega_lite_with_a_title_and_description() -> None:
    spec = forest_spec(_bcg(), title="BCG", effect_label="Risk ratio", back_transform=True)
    schema_path = (
        Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    )
    schema = json.loads(schema_path.read_text())
    jsonschema.validate(spec, schema)
    assert spec["title"]["text"] == "BCG"
    assert spec["description"].startswith("Forest plot of 13 studies")
    json.dumps(spec, allow_nan=False)


def test_a_single_study_still_draws() -> None:
    result = meta_analysis([0.2], [0.01], labels=["Only trial"])
    svg = forest_svg(result)
    assert "Only trial" in svg and "Forest plot of 1 study." in svg


def test_a_forest_plot_of_more_studies_than_the_limit_is_refused_before_drawing() -> None:
    result = meta_analysis([0.1 * (i % 5) for i in range(201)], [0.1] * 201, method="FE")
    with pytest.raises(MetaAnalysisError, match="at most 200 studies; this analysis has 201"):
        forest_spec(result)


def test_a_ratio_plot_with_a_huge_prediction_interval_is_drawn_within_float_range() -> None:
    # Two discordant trials with HKSJ: the prediction interval spans thousands of log units.
    result = meta_analysis([-60.0, 60.0], [8.0, 8.0], method="REML", hksj=True)
    spec = forest_spec(result, back_transform=True)
    json.dumps(spec, allow_nan=False)
    assert forest_svg(result, back_transform=True).startswith("<svg")


def test_a_png_larger_than_print_scale_is_refused() -> None:
    with pytest.raises(MetaAnalysisError, match="at most 2"):
        forest_png(_bcg(), scale=10)


CLINIC = Practice("Our clinic, 2024", estimate=-0.30, ci_low=-0.62, ci_high=0.02)


def _smd() -> MetaResult:
    return meta_analysis(
        [-0.52, -0.21, 0.08], [0.04, 0.05, 0.06], method="DL", labels=["A", "B", "C"]
    )


def test_a_practice_row_comes_last_labelled_observational_with_no_weight() -> None:
    rows = forest_table_rows(_smd(), practice=CLINIC)
    assert [row["kind"] for row in rows] == ["study"] * 3 + ["pooled", "prediction", "practice"]
    practice = rows[-1]
    assert practice == {
        "label": "Our clinic, 2024 (observational)",
        "kind": "practice",
        "estimate": -0.30,
        "ci_low": -0.62,
        "ci_high": 0.02,
        "weight": None,
    }


def test_a_practice_row_leaves_the_pooled_and_study_rows_as_they_were() -> None:
    without = forest_table_rows(_smd())
    with_practice = forest_table_rows(_smd(), practice=CLINIC)
    assert with_practice[: len(without)] == without


def test_a_practice_row_on_a_ratio_plot_is_back_transformed_like_the_studies() -> None:
    practice = Practice("Clinic", estimate=math.log(0.8), ci_low=math.log(0.5), ci_high=0.0)
    row = forest_table_rows(_bcg(), back_transform=True, practice=practice)[-1]
    assert (row["estimate"], row["ci_low"], row["ci_high"]) == pytest.approx((0.8, 0.5, 1.0))


def test_the_practice_row_is_a_hollow_circle_of_its_own_colour_in_a_valid_spec() -> None:
    spec = forest_spec(_smd(), practice=CLINIC, better="lower")
    schema_path = (
        Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    )
    jsonschema.validate(spec, json.loads(schema_path.read_text()))
    plot = spec["hconcat"][1]["layer"]
    practice = [
        layer
        for layer in plot
        if layer.get("transform") == [{"filter": "datum.kind === 'practice'"}]
    ]
    marks = {layer["mark"]["type"]: layer["mark"] for layer in practice}
    assert set(marks) == {"rule", "point"}
    assert marks["point"]["filled"] is False and marks["point"]["shape"] == "circle"
    study_colour = plot[1]["mark"]["color"]
    assert marks["point"]["color"] != study_colour


def test_the_description_and_the_svg_name_the_practice_row_as_not_pooled() -> None:
    spec = forest_spec(_smd(), practice=CLINIC)
    assert spec["description"].endswith(
        "Our clinic, 2024 (observational): -0.30 (95% confidence interval -0.62 to 0.02), "
        "shown for comparison and not pooled."
    )
    svg = forest_svg(_smd(), practice=CLINIC)
    assert "Our clinic, 2024 (observational)" in svg


def test_the_practice_rows_note_follows_its_numbers_in_the_description() -> None:
    noted = Practice("Clinic", estimate=-0.3, ci_low=-0.6, ci_high=0.0, note="Not a trial.")
    spec = forest_spec(_smd(), practice=noted)
    assert spec["description"].endswith("shown for comparison and not pooled. Not a trial.")


def test_the_forest_chart_carries_the_spec_its_title_description_and_table() -> None:
    chart = forest_chart(_smd(), title="Massage and fatigue", practice=CLINIC, compact=True)
    assert chart.title == "Massage and fatigue" == chart.spec["title"]["text"]
    assert chart.description == chart.spec["description"]
    assert chart.variant == "compact"
    assert [row["kind"] for row in chart.table][-1] == "practice"
    assert all(tuple(row) == chart.columns for row in chart.table)


@pytest.mark.parametrize(
    ("estimate", "low", "high", "message"),
    [
        (0.5, -0.2, 0.1, "must lie within its interval"),
        (math.nan, -0.2, 0.1, "must be numbers"),
        (0.0, -math.inf, 0.1, "must be numbers"),
    ],
)
def test_a_practice_row_outside_its_own_interval_or_not_a_number_is_refused(
    estimate: float, low: float, high: float, message: str
) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        Practice("Clinic", estimate=estimate, ci_low=low, ci_high=high)


def test_a_practice_row_without_a_label_is_refused() -> None:
    with pytest.raises(MetaAnalysisError, match="needs a label"):
        Practice("  ", estimate=0.0, ci_low=-0.1, ci_high=0.1)
