"""score_many: matrix shape and value checks, unscorable rows, band arrays."""

from __future__ import annotations

import math

import numpy as np
import pytest

from msrelief.scoring import ScoringError, get_definition, score_many

NAN = math.nan


@pytest.mark.parametrize(
    ("code", "matrix", "message"),
    [
        ("phq9", [[0] * 8], "phq9: expected a matrix with 9 columns (items 1, 2, 3"),
        ("phq9", [0] * 9, "got shape (9,)"),
        (
            "phq9",
            [[0] * 9, [0] * 9, [5] + [0] * 8],
            "phq9 row 2, item 1: 5 is not allowed; allowed values are 0, 1, 2, 3",
        ),
        ("phq9", [[0.5] + [0] * 8], "phq9 row 0, item 1: 0.5 is not allowed"),
        (
            "mas",
            [[NAN] * 11 + [2.5]],
            "mas row 0, item 12: 2.5 is not allowed; allowed values are 0, 1, 1.5, 2, 3, 4",
        ),
        (
            "t25fw",
            [[6.0, 0.5]],
            "t25fw row 0, item 2: 0.5 is not allowed; allowed values are a number from 1 to 180",
        ),
        (
            "nrs-pain",
            [[3], [2.5]],
            "nrs-pain row 1, item 1: 2.5 is not allowed; allowed values are a whole number",
        ),
        ("fss", [[math.inf] * 9], "fss row 0, item 1: inf is not allowed"),
        ("who5", [[6, 0, 0, 0, 0]], "who5 row 0, item 1: 6 is not allowed"),
    ],
)
def test_a_bad_matrix_raises_an_error_naming_the_row_and_item(
    code: str, matrix: list[object], message: str
) -> None:
    with pytest.raises(ScoringError) as caught:
        score_many(code, matrix)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_a_row_that_cannot_be_scored_is_all_nan_and_not_scorable() -> None:
    result = score_many("dass21", [[1.0] * 21, [NAN] + [1.0] * 20])
    assert result.scorable.tolist() == [True, False]
    assert result.totals[0] == 42 and math.isnan(result.totals[1])
    assert all(math.isnan(values[1]) for values in result.subscales.values())
    assert result.missing.tolist() == [0, 1]
    assert result.prorated.tolist() == [False, False]


def test_bands_come_back_as_label_arrays_with_none_where_there_is_no_score() -> None:
    result = score_many("dass21", [[1.0] * 21, [3.0] * 21, [NAN] * 21])
    assert result.bands.tolist() == [None, None, None]
    assert result.subscale_bands["stress"].tolist() == ["normal", "extremely severe", None]
    phq = score_many("phq9", [[0] * 9, [3] * 9])
    assert phq.bands.tolist() == ["none-minimal", "severe"]


def test_a_prorated_row_is_flagged_and_scored_like_the_single_response() -> None:
    definition = get_definition("sf36")
    row = np.ones((1, len(definition.item_ids)))
    row[0, definition.item_ids.index("12")] = NAN
    result = score_many(definition, row)
    assert result.prorated.tolist() == [True]
    assert result.subscales["physical_functioning"][0] == pytest.approx(0.0)


def test_an_instrument_without_a_total_reports_nan_totals_and_scores_by_subscale() -> None:
    result = score_many("msis29@1.0", [[3.0] * 29, [NAN] * 20 + [1.0] * 9])
    assert np.isnan(result.totals).all()
    assert result.scorable.tolist() == [True, True]
    assert result.subscales["physical"][0] == 50 and math.isnan(result.subscales["physical"][1])
    assert result.subscales["psychological"].tolist() == [50.0, 0.0]


def test_an_empty_matrix_gives_empty_results() -> None:
    result = score_many("gad7", np.empty((0, 7)))
    assert result.totals.shape == (0,) and result.scorable.shape == (0,)
