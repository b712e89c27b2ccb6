"""Worked examples for the mood, anxiety and stress instruments.

Each row names its source: a published sample response where one exists (PHQ-9 and GAD-7 from
the jmandel/ktc-questionnaire-starters samples [S3]; WHO-5 from the Awell test data [S15]),
otherwise a hand-worked case of the cited scoring rule and band table, with the arithmetic shown.
"""

from __future__ import annotations

import pytest

from msrelief.scoring import score
from msrelief.scoring.tests.examples import Example, check, ids, numbered

S3 = "ktc-questionnaire-starters generate.py sample response [S3]"
PHQ_BANDS = "Kroenke 2001 bands 0-4/5-9/10-14/15-19/20-27 [S27]"
GAD_BANDS = "Spitzer 2006 bands 0-4/5-9/10-14/15-21 [S28]"
DASS = "Lovibond 1995 keys and x2 bands [S12][S13]"
PHQ8_BANDS = (
    "Kroenke, Strine, Spitzer et al. 2009, J Affect Disord 114:163-73: the PHQ-8 takes the "
    "PHQ-9 cut-points 5, 10, 15 and 20 (its range is 0-24)"
)

EXAMPLES = [
    Example(
        "phq9 sample 1+2+1+2+1+1+0+0+1 = 9 is mild",
        "phq9",
        numbered([1, 2, 1, 2, 1, 1, 0, 0, 1]),
        9,
        "mild",
        S3,
    ),
    Example(
        "phq9 total 4 is none-minimal",
        "phq9",
        numbered([1, 1, 1, 1, 0, 0, 0, 0, 0]),
        4,
        "none-minimal",
        PHQ_BANDS,
    ),
    Example(
        "phq9 total 10 is moderate",
        "phq9",
        numbered([2, 2, 2, 2, 2, 0, 0, 0, 0]),
        10,
        "moderate",
        PHQ_BANDS,
    ),
    Example(
        "phq9 total 15 is moderately severe",
        "phq9",
        numbered([3, 3, 3, 3, 3, 0, 0, 0, 0]),
        15,
        "moderately severe",
        PHQ_BANDS,
    ),
    Example("phq9 all 3 = 27 is severe", "phq9", numbered([3] * 9), 27, "severe", PHQ_BANDS),
    Example(
        "phq8 sample without item 9: 1+2+1+2+1+1+0+0 = 8 is mild",
        "phq8",
        numbered([1, 2, 1, 2, 1, 1, 0, 0]),
        8,
        "mild",
        PHQ8_BANDS,
    ),
    Example(
        "phq8 total 4 is none-minimal",
        "phq8",
        numbered([1, 1, 1, 1, 0, 0, 0, 0]),
        4,
        "none-minimal",
        PHQ8_BANDS,
    ),
    Example(
        "phq8 total 10 is moderate",
        "phq8",
        numbered([2, 2, 2, 2, 2, 0, 0, 0]),
        10,
        "moderate",
        PHQ8_BANDS,
    ),
    Example(
        "phq8 total 19 is moderately severe",
        "phq8",
        numbered([3, 3, 3, 3, 3, 3, 1, 0]),
        19,
        "moderately severe",
        PHQ8_BANDS,
    ),
    Example("phq8 all 3 = 24 is severe", "phq8", numbered([3] * 8), 24, "severe", PHQ8_BANDS),
    Example(
        "gad7 sample 2+1+2+1+0+1+0 = 7 is mild",
        "gad7",
        numbered([2, 1, 2, 1, 0, 1, 0]),
        7,
        "mild",
        S3,
    ),
    Example(
        "gad7 total 10 is moderate",
        "gad7",
        numbered([3, 3, 3, 1, 0, 0, 0]),
        10,
        "moderate",
        GAD_BANDS,
    ),
    Example(
        "gad7 total 15 is severe", "gad7", numbered([3, 3, 3, 3, 3, 0, 0]), 15, "severe", GAD_BANDS
    ),
    Example(
        # every item 1: each subscale raw 7 -> x2 = 14; depression 14 moderate (14-20),
        # anxiety 14 moderate (10-14), stress 14 normal (0-14); total 21 x 2 = 42.
        "dass21 all ones gives 14 per subscale",
        "dass21",
        numbered([1] * 21),
        42,
        None,
        DASS,
        subscales={"depression": 14, "anxiety": 14, "stress": 14},
        subscale_bands={"depression": "moderate", "anxiety": "moderate", "stress": "normal"},
    ),
    Example(
        # anxiety items 2, 4, 7, 9, 15 = 1 and 19, 20 = 0 -> raw 5 -> x2 = 10 -> moderate in the
        # x2 table (the raw table would say mild: the documented inconsistency, §3.3);
        # stress items all 3 -> raw 21 -> 42 extremely severe; depression 0 normal;
        # total (0 + 5 + 21) x 2 = 52.
        "dass21 raw anxiety 5 is moderate in the doubled table",
        "dass21",
        {
            **numbered([0] * 21),
            **dict.fromkeys(("2", "4", "7", "9", "15"), 1),
            **dict.fromkeys(("1", "6", "8", "11", "12", "14", "18"), 3),
        },
        52,
        None,
        DASS,
        subscales={"depression": 0, "anxiety": 10, "stress": 42},
        subscale_bands={
            "depression": "normal",
            "anxiety": "moderate",
            "stress": "extremely severe",
        },
    ),
    Example(
        "who5 minimum 0 x 4 = 0",
        "who5",
        numbered([0] * 5),
        0,
        "low well-being (below 50): assess further for depression",
        "Awell who_5 test data minimum_response [S15]",
    ),
    Example(
        "who5 median 15 x 4 = 60",
        "who5",
        numbered([3] * 5),
        60,
        "50 or above",
        "Awell who_5 test data median_response [S15]",
    ),
    Example(
        "who5 maximum 25 x 4 = 100",
        "who5",
        numbered([5] * 5),
        100,
        "50 or above",
        "Awell who_5 test data maximum_response [S15]",
    ),
    Example(
        "who5 random 4+1+0+2+3 = 10, x 4 = 40",
        "who5",
        numbered([4, 1, 0, 2, 3]),
        40,
        "low well-being (below 50): assess further for depression",
        "Awell who_5 test data random_response [S15]",
    ),
    Example(
        # items 1, 2, 3, 6, 9, 10 answered 4 -> 24;
        # reverse items 4, 5, 7, 8 answered 0 -> 4 - 0 = 4 each -> 16.
        "pss10 most stressed pattern scores 40",
        "pss10",
        numbered([4, 4, 4, 0, 0, 4, 0, 0, 4, 4]),
        40,
        "high perceived stress",
        "Cohen's PSS scoring (reverse 4, 5, 7, 8) [S14]; bands §3.5",
    ),
    Example(
        "pss10 least stressed pattern scores 0",
        "pss10",
        numbered([0, 0, 0, 4, 4, 0, 4, 4, 0, 0]),
        0,
        "low perceived stress",
        "Cohen's PSS scoring [S14]; bands §3.5",
    ),
    Example(
        # every answer 2 -> 6 x 2 + 4 x (4 - 2) = 20.
        "pss10 all twos scores 20",
        "pss10",
        numbered([2] * 10),
        20,
        "moderate perceived stress",
        "Cohen's PSS scoring [S14]; bands §3.5",
    ),
    Example(
        # anxiety (odd items) 2+1+2+1+2+1+2 = 11 -> abnormal; depression (even) 7 x 1 = 7 -> normal.
        "hads odd items sum to anxiety and even items to depression",
        "hads",
        numbered([2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1]),
        None,
        None,
        "CamCOPS hads.py keys [S1]; cut-points 8 and 11 [S29]",
        subscales={"anxiety": 11, "depression": 7},
        subscale_bands={"anxiety": "abnormal", "depression": "normal"},
    ),
    Example(
        "hads depression 8 is borderline",
        "hads",
        numbered([0, 2, 0, 2, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0]),
        None,
        None,
        "cut-point 8 [S29]",
        subscales={"anxiety": 0, "depression": 8},
        subscale_bands={"anxiety": "normal", "depression": "borderline"},
    ),
    Example(
        "bai all ones = 21 is moderate",
        "bai",
        numbered([1] * 21),
        21,
        "moderate",
        "Beck & Steer 1993 bands via secondary pages (no listed source covers the BAI)",
    ),
    Example(
        "bai total 7 is minimal",
        "bai",
        numbered([1] * 7 + [0] * 14),
        7,
        "minimal",
        "Beck & Steer 1993 bands via secondary pages",
    ),
    Example(
        "bai total 26 is severe",
        "bai",
        numbered([2] * 13 + [0] * 8),
        26,
        "severe",
        "Beck & Steer 1993 bands via secondary pages",
    ),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=ids(EXAMPLES))
def test_a_mood_instrument_scores_its_worked_example(example: Example) -> None:
    check(example)


def test_a_positive_item_nine_is_reported_as_a_safety_alert_whatever_the_total() -> None:
    result = score("phq9", numbered([0, 0, 0, 0, 0, 0, 0, 0, 1]))
    assert result.total == 1
    assert [alert.code for alert in result.alerts] == ["phq9-item9-positive"]
    assert result.alerts[0].item == "9"


def test_a_zero_item_nine_raises_no_alert() -> None:
    assert score("phq9", numbered([3] * 8 + [0])).alerts == ()


def test_the_alert_stays_out_of_the_stored_dictionary() -> None:
    stored = score("phq9", numbered([0] * 8 + [2])).to_dict()
    assert set(stored) == {"total", "subscales", "band", "missing", "prorated", "version"}
