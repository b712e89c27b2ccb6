"""PSQI component rules at their boundaries (Buysse 1989 [S16]), the answer
encoding, and answers that contradict each other."""

from __future__ import annotations

import numpy as np
import pytest

from msrelief.scoring import ScoringError, get_definition, score, score_many
from msrelief.scoring.psqi import duration_score, efficiency_score, latency_minutes_score
from msrelief.scoring.tests.strategies import to_matrix

QUIET = {f"5{letter}": 0 for letter in "abcdefghi"} | {"6": 0, "7": 0, "8": 0, "9": 0}


def night(
    bed: float, minutes: float, rise: float, asleep: float, **more: float
) -> dict[str, float]:
    return {"1": bed, "2": minutes, "3": rise, "4": asleep} | QUIET | more


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0, 0), (15, 0), (15.5, 1), (30, 1), (30.5, 2), (60, 2), (61, 3), (300, 3)],
)
def test_minutes_to_fall_asleep_score_zero_to_three_at_15_30_and_60(
    minutes: float, expected: int
) -> None:
    assert latency_minutes_score(minutes) == expected


@pytest.mark.parametrize(
    ("hours", "expected"),
    [(9, 0), (7.01, 0), (7, 1), (6.5, 1), (6, 1), (5.99, 2), (5, 2), (4.99, 3), (0, 3)],
)
def test_sleep_duration_over_7_scores_0_and_6_to_7_inclusive_scores_1(
    hours: float, expected: int
) -> None:
    assert duration_score(hours) == expected


@pytest.mark.parametrize(
    ("percent", "expected"),
    [(100, 0), (85, 0), (84.5, 1), (75, 1), (74.99, 2), (65, 2), (64.99, 3), (10, 3)],
)
def test_sleep_efficiency_bands_have_no_gaps_between_whole_percentages(
    percent: float, expected: int
) -> None:
    assert efficiency_score(percent) == expected


@pytest.mark.parametrize(
    ("minutes", "q5a", "component"),
    [(10, 0, 0), (10, 1, 1), (20, 1, 1), (45, 1, 2), (45, 2, 2), (61, 2, 3), (61, 3, 3)],
)
def test_latency_adds_the_minutes_score_to_item_5a_and_maps_0_1to2_3to4_5to6(
    minutes: float, q5a: float, component: float
) -> None:
    result = score("psqi", night(23, minutes, 7, 7.5, **{"5a": q5a}))
    assert result.subscales["latency"] == component


@pytest.mark.parametrize(
    ("troubles", "component"),
    [
        ([0] * 8 + [0], 0),
        ([1] + [0] * 8, 1),
        ([1] * 8 + [1], 1),
        ([2] * 5 + [0] * 4, 2),
        ([2] * 8 + [2], 2),
        ([3] * 6 + [1] * 3, 3),
        ([3] * 9, 3),
    ],
)
def test_disturbance_items_sum_and_map_0_1to9_10to18_19to27(
    troubles: list[float], component: float
) -> None:
    items = {f"5{letter}": value for letter, value in zip("bcdefghij", troubles, strict=True)}
    assert score("psqi", night(23, 10, 7, 7.5, **items)).subscales["disturbances"] == component


@pytest.mark.parametrize(
    ("bed", "rise", "asleep", "efficiency"),
    [(21, 7, 8.45, 1), (1, 9, 8, 0), (23.75, 0.25, 0.5, 0), (22, 6, 5.2, 2), (22, 6, 5.19, 3)],
)
def test_time_in_bed_wraps_past_midnight_and_sets_the_efficiency_component(
    bed: float, rise: float, asleep: float, efficiency: float
) -> None:
    result = score("psqi", night(bed, 10, rise, asleep))
    assert result.subscales["efficiency"] == efficiency


@pytest.mark.parametrize(
    ("bed", "rise", "asleep", "message"),
    [
        (23, 23, 6, "items 1 and 3: bedtime and getting-up time are the same clock time"),
        (23, 7, 9, "item 4: 9 hours asleep is more than the 8 hours in bed given by items 1 and 3"),
    ],
)
def test_answers_that_cannot_both_be_true_are_refused(
    bed: float, rise: float, asleep: float, message: str
) -> None:
    with pytest.raises(ScoringError, match=message):
        score("psqi", night(bed, 10, rise, asleep))


def test_the_matrix_path_names_the_row_with_contradictory_answers() -> None:
    definition = get_definition("psqi")
    matrix = to_matrix(definition, [night(23, 10, 7, 7), night(23, 10, 7, 9)])
    with pytest.raises(ScoringError, match="psqi row 1 item 4"):
        score_many(definition, matrix)


def test_the_matrix_path_scores_the_awell_gap_case_like_the_scalar_path() -> None:
    definition = get_definition("psqi")
    result = score_many(definition, to_matrix(definition, [night(21, 10, 7, 8.45)]))
    assert np.isclose(result.subscales["efficiency"][0], 1)
