"""The presentation contract: every score of every definition has a complete one, its export
columns are unique, and the lines, labels and summaries it gives follow from the definition."""

from __future__ import annotations

import datetime
import math
import re
import string
from pathlib import Path

import pytest

from msrelief.scoring import default_registry, judge_change, load_definitions
from msrelief.scoring.contract import PLACEHOLDERS, Presentation, date_text, number_text

DEFINITIONS = sorted(default_registry().by_version.values(), key=lambda d: d.key)
SCORES = [(d, name) for d in DEFINITIONS for name in d.score_names]
COLUMN = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def _presentation(key: str, score: str = "total") -> Presentation:
    return default_registry().get(key).presentation(score)


@pytest.mark.parametrize(
    ("definition", "name"), SCORES, ids=[f"{d.key}:{name}" for d, name in SCORES]
)
def test_every_score_of_every_definition_has_a_complete_contract(definition, name) -> None:
    presentation = definition.presentation(name)
    spec = definition.score_spec(name)
    assert presentation.axis[0] <= spec.range[0] and presentation.axis[1] >= spec.range[1]
    assert presentation.direction_label in ("higher is worse", "higher is better")
    assert COLUMN.match(presentation.column)
    assert [item.link_id for item in presentation.items] == [
        link for link in definition.item_ids if link in spec.items
    ]
    names = {field for _, field, _, _ in string.Formatter().parse(presentation.summary) if field}
    assert "value" in names and names <= set(PLACEHOLDERS)
    line = presentation.summary_text(
        spec.range[1], baseline=(datetime.date(2025, 1, 6), spec.range[0])
    )
    assert number_text(spec.range[1]) in line and "6 January 2025" in line and "\n" not in line


def test_every_export_column_is_unique_across_all_definitions_scores_and_items() -> None:
    columns = [definition.presentation(name).column for definition, name in SCORES]
    columns += [item.column for definition in DEFINITIONS for item in definition.export_items]
    assert len(columns) == len(set(columns))
    assert all(COLUMN.match(column) for column in columns)


def test_the_two_msis29_versions_export_to_different_columns() -> None:
    first, second = _presentation("msis29@1.0", "physical"), _presentation("msis29@2.0", "physical")
    assert first.column != second.column


@pytest.mark.parametrize(
    ("key", "label"),
    [("phq9", "higher is worse"), ("who5", "higher is better"), ("6mwt", "higher is better")],
)
def test_the_direction_label_follows_the_scores_direction(key: str, label: str) -> None:
    assert _presentation(key).direction_label == label


@pytest.mark.parametrize(
    ("key", "axis"), [("phq9", (0, 27)), ("t25fw", (0, 180)), ("6mwt", (0, 1000))]
)
def test_the_axis_is_the_range_unless_the_definition_widens_it(key: str, axis: tuple) -> None:
    assert _presentation(key).axis == axis


@pytest.mark.parametrize(
    ("key", "lines"), [("phq9", (5, 10, 15, 20)), ("gad7", (5, 10, 15)), ("mfis21", ())]
)
def test_band_lines_are_where_one_band_ends_and_the_next_begins(key: str, lines: tuple) -> None:
    presentation = _presentation(key)
    assert presentation.band_lines == lines
    spec = default_registry().get(key).score_spec("total")
    assert [band.label for band in presentation.bands] == [b.label for b in spec.bands or ()]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("phq9", {("improvement", 5.0, "points"), ("deterioration", 5.0, "points")}),
        ("isi", {("improvement", 6.0, "points")}),
        ("nrs-pain", {("improvement", 30.0, "percent")}),
        ("bai", set()),
        ("who5", set()),
    ],
)
def test_mcid_lines_are_the_known_thresholds_and_none_where_none_was_found(key, expected) -> None:
    lines = _presentation(key).mcid_lines()
    assert {(line.kind, line.size, line.unit) for line in lines} == expected


@pytest.mark.parametrize(
    ("edss", "sizes"), [(None, set()), (4.0, {7.0}), (6.5, {8.0}), (9.0, set())]
)
def test_an_mcid_by_edss_band_applies_only_for_an_edss_in_one_of_its_bands(edss, sizes) -> None:
    lines = _presentation("msis29@1.0", "physical").mcid_lines(edss)
    assert {line.size for line in lines} == sizes
    assert all(line.edss_label for line in lines)


@pytest.mark.parametrize(
    ("key", "baseline", "expected"),
    [
        ("phq9", 15.0, (10.0, 20.0)),  # lower is better: improvement goes down
        ("6mwt", 300.0, (292.8, 319.7)),  # higher is better: improvement 19.7 up, worse 7.2 down
        ("nrs-pain", 6.0, (4.2, None)),  # 30 % of the baseline; no deterioration MCID
        ("bai", 20.0, (None, None)),
    ],
)
def test_the_mcid_around_a_baseline_lies_on_the_side_each_threshold_applies_to(
    key: str, baseline: float, expected: tuple
) -> None:
    found = _presentation(key).mcid_around(baseline)
    assert [None if value is None else round(value, 9) for value in found] == list(expected)


@pytest.mark.parametrize(("key", "reliable_at"), [("fss", 3.0), ("t25fw", 5.0), ("mfis21", 25.0)])
def test_the_rci_line_is_the_smallest_change_that_judge_change_calls_reliable(
    key: str, reliable_at: float
) -> None:
    rci = _presentation(key).rci
    assert rci is not None
    judged = judge_change(key, 10.0, 10.0 + reliable_at)
    assert judged.se_diff == pytest.approx(rci.se_diff)
    assert rci.smallest == pytest.approx(1.96 * rci.se_diff)
    assert rci.sources == judged.sources[: len(rci.sources)]


@pytest.mark.parametrize("key", ["phq9", "bai", "nrs-pain", "6mwt"])
def test_there_is_no_rci_line_without_a_published_sem_or_both_sd_and_r(key: str) -> None:
    assert _presentation(key).rci is None


MARCH_3 = datetime.date(2025, 3, 3)
SINCE = " since 3 March 2025"
SUMMARIES = [
    ("phq9", 12, None, "PHQ-9 total 12 (moderate)"),
    ("phq9", 12, (MARCH_3, 18), "PHQ-9 total 12 (moderate); down 6 points (better)" + SINCE),
    ("phq9", 19, (MARCH_3, 18), "PHQ-9 total 19 (moderately severe); up 1 point (worse)" + SINCE),
    ("phq9", 12, (MARCH_3, 12), "PHQ-9 total 12 (moderate); no change" + SINCE),
    ("6mwt", 350, (MARCH_3, 320), "6MWT distance 350 m; up 30 m (better)" + SINCE),
    ("fss", 4.4444444, None, "FSS mean item score 4.44 (4 or above: substantial fatigue)"),
    ("nrs-pain", 3, (MARCH_3, 6), "Pain rating 3 out of 10; down 3 points (better)" + SINCE),
]  # fmt: skip


@pytest.mark.parametrize(("key", "value", "baseline", "expected"), SUMMARIES)
def test_the_summary_fills_its_template_and_leaves_out_a_clause_without_a_value(
    key: str, value: float, baseline, expected: str
) -> None:
    assert _presentation(key).summary_text(value, baseline=baseline) == expected


def test_numbers_and_dates_read_the_same_in_every_summary() -> None:
    assert [number_text(v) for v in (3.0, 1.5, 4.444, -0.001, 35.416)] == [
        "3", "1.5", "4.44", "0", "35.42",
    ]  # fmt: skip
    assert date_text(datetime.date(2024, 12, 25)) == "25 December 2024"
    assert math.isfinite(float(number_text(1e-9)))


def test_items_carry_their_wording_and_answer_labels_where_the_licence_allows() -> None:
    phq9 = default_registry().get("phq9").export_items[0]
    assert (phq9.column, phq9.label) == ("phq9_q1", "Little interest or pleasure in doing things")
    assert phq9.value_labels[0] == (0.0, "Not at all")
    bai = default_registry().get("bai").export_items[0]
    assert (bai.column, bai.label, bai.value_labels) == ("bai_q1", None, ())


def test_answer_labels_follow_the_answer_values_not_their_order_on_the_form() -> None:
    labels = dict(default_registry().get("who5").export_items[0].value_labels)
    assert labels[5.0] == "All of the time" and labels[0.0] == "At no time"


def test_a_range_answer_is_labelled_at_its_two_anchors() -> None:
    labels = default_registry().get("nrs-pain").export_items[0].value_labels
    assert [value for value, _ in labels] == [0.0, 10.0]


def test_without_the_content_pack_its_items_export_without_wording(tmp_path: Path) -> None:
    who5 = load_definitions(content_directory=tmp_path / "absent")["who5"]
    assert all(item.label is None and item.value_labels == () for item in who5.export_items)


def test_psqi_items_with_letters_export_as_their_own_columns() -> None:
    columns = [item.column for item in default_registry().get("psqi").export_items]
    assert "psqi_q5a" in columns and "psqi_q10" not in columns
