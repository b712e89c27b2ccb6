"""The sparkline is a pure function: values in, an SVG string out, with its text alternative."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from msrelief.charts.sparkline import Scale, describe, sparkline

SVG = "{http://www.w3.org/2000/svg}"


def drawn(values, **options):
    options.setdefault("title", "Pain, last 14 days")
    options.setdefault("element_id", "spark-pain")
    return ET.fromstring(sparkline(values, **options))  # noqa: S314 - our own output


def polylines(root):
    return [
        [tuple(float(n) for n in pair.split(",")) for pair in line.get("points").split()]
        for line in root.iter(f"{SVG}polyline")
    ]


def test_the_svg_is_named_by_its_title_and_description_for_screen_readers():
    root = drawn([5, 4, 3])
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "spark-pain-title spark-pain-desc"
    assert (title.get("id"), title.text) == ("spark-pain-title", "Pain, last 14 days")
    assert (desc.get("id"), desc.text) == (
        "spark-pain-desc",
        "3 of 3 days rated. Lowest 3, highest 5. First 5, latest 3.",
    )


def test_an_unbroken_run_is_one_line_from_left_to_right_with_ten_at_the_top():
    root = drawn([0, 10, 5], scale=Scale(width=106, height=26))
    (line,) = polylines(root)
    # 3 px of padding at each edge: x from 3 to 103, y from 23 (0) up to 3 (10)
    assert line == [(3.0, 23.0), (53.0, 3.0), (103.0, 13.0)]


@pytest.mark.parametrize(
    ("values", "lines", "dots"),
    [
        ([1, 2, None, 4, 5], [2, 2], 1),  # a gap splits the line; the latest value has a dot
        ([1, None, 3, None, 5], [], 3 + 1),  # lone ratings are dots, plus the latest's mark
        ([None, None, 2, 3, None], [2], 0),  # no dot for the latest when the last day is empty
        ([None, None, None], [], 0),  # nothing rated: nothing drawn
        ([], [], 0),
    ],
)
def test_a_missing_day_is_a_gap_never_bridged_by_a_line(values, lines, dots):
    root = drawn(values)
    assert [len(line) for line in polylines(root)] == lines
    assert len(list(root.iter(f"{SVG}circle"))) == dots


def test_gaps_keep_each_value_at_its_own_day():
    root = drawn([2, None, None, 8, 6], scale=Scale(width=106, height=26))
    (line,) = polylines(root)
    assert [x for x, _ in line] == [78.0, 103.0]  # days 4 and 5 of 5, not squeezed together


def test_one_value_sits_in_the_middle():
    root = drawn([7], scale=Scale(width=106, height=26))
    (first, mark) = root.iter(f"{SVG}circle")
    assert (first.get("cx"), first.get("cy")) == ("53.0", "9.0")
    assert mark.get("cx") == "53.0"


@pytest.mark.parametrize(
    ("values", "slot_name", "words"),
    [
        ([3, None, 7, 2], "day", "3 of 4 days rated. Lowest 2, highest 7. First 3, latest 2."),
        (
            [None, 4.5],
            "week",
            "1 of 2 weeks rated. Lowest 4.5, highest 4.5. The one rating is 4.5.",
        ),
        ([None], "day", "No day rated."),
        ([6], "week", "1 of 1 week rated. Lowest 6, highest 6. The one rating is 6."),
    ],
)
def test_the_description_gives_the_numbers_in_neutral_words(values, slot_name, words):
    assert describe(values, slot_name) == words


def test_text_and_ids_are_escaped():
    markup = sparkline([1], title='Pain <b>&</b> "ache"', element_id='x" onload="y')
    root = ET.fromstring(markup)  # noqa: S314 - our own output
    assert root.find(f"{SVG}title").text == 'Pain <b>&</b> "ache"'
    assert root.get("id") == 'x" onload="y'
    assert "onload" not in root.attrib


@pytest.mark.parametrize("bad", [-1, 10.5, float("nan"), float("inf")])
def test_a_value_outside_the_scale_is_refused(bad):
    with pytest.raises(ValueError, match="outside 0 to 10"):
        sparkline([1, bad], title="Pain", element_id="p")


def test_a_scale_whose_top_is_not_above_its_bottom_is_refused():
    with pytest.raises(ValueError, match="high end"):
        sparkline([1], title="Pain", element_id="p", scale=Scale(low=5, high=5))
