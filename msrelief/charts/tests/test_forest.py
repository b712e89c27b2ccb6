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

from msrelief.stats.effect_sizes import log_risk_ratio
from msrelief.stats.errors import MetaAnalysisError
from msrelief.charts.forest import forest_png, forest_spec, forest_svg, forest_table_rows
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
