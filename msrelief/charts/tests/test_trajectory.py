"""A score over time: axis, bands and MCID from the presentation contract, periods and events
on the same time axis, a description that states the table's numbers, legible at 360 px."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import altair
import jsonschema
import pytest

from msrelief.charts.chart import Chart, ChartError
from msrelief.charts.render import to_svg
from msrelief.charts.trajectory import (
    COMPACT_WIDTH,
    MAX_POINTS,
    PAD_DAYS,
    WIDE_WIDTH,
    Event,
    Period,
    trajectory_chart,
)
from msrelief.scoring import get_definition
from msrelief.scoring.contract import Presentation, number_text

SVG_NS = "{http://www.w3.org/2000/svg}"
#: A 360-pixel screen less the page's 16-pixel margins.
PHONE_CONTENT_WIDTH = 328
SCHEMA = json.loads(
    (
        Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    ).read_text()
)
PHQ9_POINTS = [(date(2025, 3, 3), 11.0), (date(2025, 1, 6), 18.0), (date(2025, 6, 2), 9.0)]
BLOCK = Period(date(2025, 1, 13), date(2025, 3, 10), "Massage, block 1")
RELAPSE = Event(date(2025, 2, 10), "relapse", "Optic neuritis")
STEROIDS = Event(date(2025, 2, 12), "steroid", "IV methylprednisolone")


def _presentation(key: str, score: str = "total") -> Presentation:
    return get_definition(key).presentation(score)


def _values(chart: Chart, layer: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = chart.spec["datasets"][layer["data"]["name"]]
    return rows


def _layers(chart: Chart, mark: str) -> list[dict[str, Any]]:
    def kind(layer: dict[str, Any]) -> str:
        value = layer["mark"]
        return str(value["type"] if isinstance(value, dict) else value)

    return [layer for layer in chart.spec["layer"] if kind(layer) == mark]


CASES = [
    ("phq9", "total", PHQ9_POINTS),
    ("who5", "total", [(date(2025, 1, 6), 32.0), (date(2025, 2, 6), 56.0)]),
    ("t25fw", "total", [(date(2025, 1, 6), 7.25), (date(2025, 4, 6), 6.5)]),
    ("msis29@1.0", "physical", [(date(2025, 1, 6), 48.75)]),
    ("fss", "total", [(date(2025, 1, 6), 5.4444), (date(2025, 2, 6), 4.1111)]),
]


@pytest.mark.parametrize(("key", "score", "points"), CASES, ids=[c[0] for c in CASES])
def test_the_table_holds_the_points_in_date_order_with_their_bands(key, score, points) -> None:
    presentation = _presentation(key, score)
    chart = trajectory_chart(presentation, points)
    ordered = sorted(points)
    assert chart.columns == ("date", "value", "band")
    assert [(row["date"], row["value"]) for row in chart.table] == [
        (day.isoformat(), value) for day, value in ordered
    ]
    assert [row["band"] for row in chart.table] == [presentation.band_of(v) for _, v in ordered]


@pytest.mark.parametrize(("key", "score", "points"), CASES, ids=[c[0] for c in CASES])
def test_the_description_states_the_first_and_last_numbers_and_how_many(key, score, points) -> None:
    chart = trajectory_chart(_presentation(key, score), points)
    first, last = chart.table[0], chart.table[-1]
    count = len(chart.table)
    assert f"{count} score{'' if count == 1 else 's'}" in chart.description
    assert f"first {number_text(first['value'])}" in chart.description
    if count > 1:
        assert f"last {number_text(last['value'])}" in chart.description
        change = number_text(abs(last["value"] - first["value"]))
        assert f" {change} " in chart.description


@pytest.mark.parametrize(("key", "score", "points"), CASES, ids=[c[0] for c in CASES])
def test_the_spec_is_valid_vega_lite_and_its_y_axis_is_the_contracts(key, score, points) -> None:
    presentation = _presentation(key, score)
    chart = trajectory_chart(presentation, points, periods=[BLOCK], events=[RELAPSE])
    jsonschema.validate(chart.spec, SCHEMA)
    json.dumps(chart.spec, allow_nan=False)
    line = _layers(chart, "line")[0]
    assert line["encoding"]["y"]["scale"]["domain"] == list(presentation.axis)
    assert " ".join(chart.spec["title"]["text"]) == chart.title
    assert chart.spec["title"]["subtitle"] == presentation.direction_label.capitalize()
    assert chart.spec["description"] == chart.description


@pytest.mark.parametrize(
    ("key", "lines"), [("phq9", [5, 10, 15, 20]), ("who5", [50]), ("mfis21", [])]
)
def test_band_lines_are_drawn_where_the_contract_puts_them(key: str, lines: list) -> None:
    chart = trajectory_chart(_presentation(key), [(date(2025, 1, 6), 10.0)])
    rules = [layer for layer in _layers(chart, "rule") if "y" in layer["encoding"]]
    drawn = [row["value"] for layer in rules for row in _values(chart, layer)]
    assert drawn == lines


@pytest.mark.parametrize(
    ("key", "score", "baseline", "edss", "band"),
    [
        ("phq9", "total", 18.0, None, (13.0, 23.0)),
        ("phq9", "total", 25.0, None, (20.0, 27.0)),  # cut at the top of the axis
        ("msis29@1.0", "physical", 40.0, 4.0, (33.0, 47.0)),
        ("msis29@1.0", "physical", 40.0, None, None),  # needs the EDSS; never guessed
        ("bai", "total", 20.0, None, None),  # no MCID found
    ],
)
def test_the_mcid_band_is_drawn_around_the_first_score_only_when_it_is_known(
    key: str, score: str, baseline: float, edss: float | None, band: tuple | None
) -> None:
    points = [(date(2025, 1, 6), baseline), (date(2025, 2, 6), baseline - 1)]
    chart = trajectory_chart(_presentation(key, score), points, edss=edss)
    rects = [layer for layer in _layers(chart, "rect") if "y2" in layer["encoding"]]
    if band is None:
        assert rects == [] and "MCID" not in chart.description
        return
    (row,) = _values(chart, rects[0])
    assert (row["low"], row["high"]) == band
    assert "MCID" in chart.description


def test_periods_are_shaded_and_events_marked_on_the_same_time_axis() -> None:
    chart = trajectory_chart(
        _presentation("phq9"), PHQ9_POINTS, periods=[BLOCK], events=[RELAPSE, STEROIDS]
    )
    shaded = [layer for layer in _layers(chart, "rect") if "x2" in layer["encoding"]]
    assert _values(chart, shaded[0]) == [
        {"start": "2025-01-13", "end": "2025-03-10", "label": "Massage, block 1"}
    ]
    (points,) = [layer for layer in _layers(chart, "point") if "shape" in layer["encoding"]]
    assert [row["date"] for row in _values(chart, points)] == ["2025-02-10", "2025-02-12"]
    assert points["encoding"]["shape"]["scale"]["domain"] == ["relapse", "steroid course"]
    scales = [layer["encoding"]["x"]["scale"] for layer in chart.spec["layer"]
              if "x" in layer["encoding"]]  # fmt: skip
    assert len(scales) == 5 and all(scale == scales[0] for scale in scales)
    assert scales[0]["type"] == "utc"
    assert "Programme periods: Massage, block 1, 13 January 2025 to 10 March 2025." in (
        chart.description
    )
    assert "relapse on 10 February 2025 (Optic neuritis)" in chart.description
    assert "steroid course on 12 February 2025 (IV methylprednisolone)" in chart.description


def test_the_compact_variant_fits_a_360_pixel_phone() -> None:
    presentation = _presentation("nrs-stiffness")
    points = [(date(2025, 1, 6), 7.0), (date(2025, 9, 6), 4.0)]
    compact = trajectory_chart(presentation, points, compact=True, events=[RELAPSE])
    wide = trajectory_chart(presentation, points)
    assert compact.spec["width"] == COMPACT_WIDTH < WIDE_WIDTH == wide.spec["width"]
    root = ElementTree.fromstring(to_svg(compact))  # noqa: S314 - our own output
    assert float(root.get("width") or 0) <= PHONE_CONTENT_WIDTH
    assert compact.variant == "compact"


def test_the_svg_renders_with_the_title_and_description() -> None:
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, periods=[BLOCK])
    svg = to_svg(chart)
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output
    title = root.find(f"{SVG_NS}title")
    assert title is not None and title.text == "PHQ-9: Total score"
    assert re.search(r"PHQ-9: Total score</text>", svg)


@pytest.mark.parametrize(
    ("points", "periods", "events", "message"),
    [
        ([], (), (), "at least one score"),
        ([(date(2025, 1, 6), 28.0)], (), (), r"score 1 \(28.0\) is not a number from 0 to 27"),
        ([(date(2025, 1, 6), 3.0), (date(2025, 1, 7), float("nan"))], (), (), "score 2"),
        (
            [(date(2025, 1, 6), 3.0)],
            [Period(date(2025, 2, 1), date(2025, 1, 1), "Back to front")],
            (),
            r"period 1 \('Back to front'\) ends before it starts",
        ),
        (
            [(date(2025, 1, 6), 3.0)],
            (),
            [Event(date(2025, 1, 6), "holiday", "Away")],  # type: ignore[arg-type]
            "event 1 has kind 'holiday'",
        ),
        ([(date(2025, 1, 6), 3.0)] * (MAX_POINTS + 1), (), (), f"at most {MAX_POINTS} scores"),
    ],
)
def test_a_trajectory_that_cannot_be_drawn_is_refused_naming_the_row(
    points, periods, events, message: str
) -> None:
    with pytest.raises(ChartError, match=message):
        trajectory_chart(_presentation("phq9"), points, periods=periods, events=events)


def _domain(chart: Chart) -> list[date]:
    (line,) = _layers(chart, "line")
    return [
        date(d["year"], d["month"], d["date"]) for d in line["encoding"]["x"]["scale"]["domain"]
    ]


OCRELIZUMAB = Event(date(2022, 3, 1), "dmt", "started ocrelizumab")


def test_the_time_axis_runs_from_the_first_score_to_the_last_with_a_small_pad() -> None:
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, events=[OCRELIZUMAB])
    pad = timedelta(days=PAD_DAYS)
    assert _domain(chart) == [date(2025, 1, 6) - pad, date(2025, 6, 2) + pad]


def test_a_long_series_gets_a_pad_of_a_twentieth_of_its_span() -> None:
    points = [(date(2023, 1, 1), 10.0), (date(2025, 1, 1), 8.0)]  # 731 days: 36 days a side
    chart = trajectory_chart(_presentation("phq9"), points)
    assert _domain(chart) == [date(2022, 11, 26), date(2025, 2, 6)]


def test_a_single_score_gets_an_axis_of_its_pad_either_side() -> None:
    chart = trajectory_chart(_presentation("phq9"), [(date(2025, 1, 6), 10.0)])
    assert _domain(chart) == [date(2024, 12, 30), date(2025, 1, 13)]


def test_an_old_dmt_start_is_not_drawn_but_named_before_the_chart() -> None:
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, events=[OCRELIZUMAB, RELAPSE])
    (points,) = [layer for layer in _layers(chart, "point") if "shape" in layer["encoding"]]
    assert [row["date"] for row in _values(chart, points)] == ["2025-02-10"]
    assert points["encoding"]["shape"]["scale"]["domain"] == ["relapse"]
    note = "Before this chart: DMT change on 1 March 2022 (started ocrelizumab)."
    assert chart.notes == (note,)
    assert chart.description.endswith(note)
    assert "Marked events: relapse on 10 February 2025 (Optic neuritis)." in chart.description


def test_a_period_that_overlaps_an_end_of_the_axis_is_cut_there_and_keeps_its_dates_in_words(
) -> None:  # fmt: skip
    course = Period(date(2024, 11, 1), date(2025, 2, 1), "Massage, block 0")
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, periods=[course])
    (shaded,) = [layer for layer in _layers(chart, "rect") if "x2" in layer["encoding"]]
    assert _values(chart, shaded) == [
        {"start": "2024-12-30", "end": "2025-02-01", "label": "Massage, block 0"}
    ]
    assert "Programme periods: Massage, block 0, 1 November 2024 to 1 February 2025." in (
        chart.description
    )
    assert chart.notes == ()


def test_marks_wholly_outside_the_axis_are_listed_before_and_after_it_by_date() -> None:
    old_course = Period(date(2021, 1, 4), date(2021, 3, 1), "Massage, 2021")
    later = Event(date(2025, 9, 1), "steroid", "oral prednisolone")
    chart = trajectory_chart(
        _presentation("phq9"), PHQ9_POINTS, periods=[old_course], events=[later, OCRELIZUMAB]
    )
    assert chart.notes == (
        "Before this chart: Massage, 2021, 4 January 2021 to 1 March 2021; DMT change on "
        "1 March 2022 (started ocrelizumab).",
        "After the last score: steroid course on 1 September 2025 (oral prednisolone).",
    )
    assert _layers(chart, "rect") == [
        layer for layer in _layers(chart, "rect") if "y2" in layer["encoding"]
    ]  # no shaded period: none overlaps the axis
    assert not [layer for layer in _layers(chart, "point") if "shape" in layer["encoding"]]
    assert "Programme periods" not in chart.description
    assert "Marked events" not in chart.description
    jsonschema.validate(chart.spec, SCHEMA)


def test_an_event_in_the_pad_is_still_on_the_axis_and_drawn() -> None:
    early = Event(date(2025, 1, 1), "relapse", "sensory relapse")  # 5 days before the first
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, events=[early])
    assert chart.notes == ()
    assert "relapse on 1 January 2025 (sensory relapse)" in chart.description


def test_the_plain_wording_names_the_mcid_band_in_everyday_words() -> None:
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, plain=True)
    assert "MCID" not in chart.description
    assert "how big a change must be to matter in daily life" in chart.description


def test_the_svg_with_an_old_event_draws_only_dates_within_the_scores() -> None:
    chart = trajectory_chart(_presentation("phq9"), PHQ9_POINTS, events=[OCRELIZUMAB])
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", to_svg(chart))
    years = {label[-4:] for label in labels if re.fullmatch(r"[A-Z][a-z]{2} \d{4}", label)}
    assert years == {"2025"}
