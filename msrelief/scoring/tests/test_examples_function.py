"""Worked examples for the MS impact, walking, quality-of-life and spasticity measures.

SF-36 and RAND-36 rows use the same answers, worked by hand: they agree on most scales and
differ on bodily pain and general health, as the two scoring systems are known to do.
"""

from __future__ import annotations

import pytest

from msrelief.scoring import score
from msrelief.scoring.tests.examples import Example, check, ids, numbered

MSIS = "MSIS-29 subscale sums rescaled to 0-100 [S10][S20]"
MSWS = "MSWS-12 (sum - 12) / 48 x 100 [S10]"
SF36 = "SF-36 v1 SAS algorithm (Apolone & Mosconi, R port), hand-worked"
RAND = "RAND-36 recodes via CamCOPS rand36.py [S1], hand-worked"
RAND_MISSING = (
    "RAND 36-Item Health Survey 1.0 scoring instructions (Hays, Sherbourne & Mazel 1993): a "
    "scale is the average of the items answered; hand-worked"
)
T25 = "T25FW = mean of two trials (NINDS [S10]); Goldman 2013 thresholds [S24], §3.17"

QOL_ANSWERS = numbered(
    [
        2,
        3,
        1,
        2,
        3,
        3,
        3,
        2,
        2,
        3,
        3,
        3,
        2,
        2,
        1,
        2,
        2,
        2,
        2,
        2,
        3,
        2,
        3,
        5,
        6,
        2,
        4,
        5,
        4,
        3,
        3,
        4,
        4,
        2,
        3,
        2,
    ]
)
QOL_WITHOUT_12 = {k: v for k, v in QOL_ANSWERS.items() if k != "12"}

EXAMPLES = [
    Example(
        "msis29 v1 all threes",
        "msis29@1.0",
        numbered([3] * 29),
        None,
        None,
        MSIS,
        subscales={"physical": 50, "psychological": 50},
    ),
    Example(
        "msis29 v1 worst physical best psychological",
        "msis29@1.0",
        numbered([5] * 20 + [1] * 9),
        None,
        None,
        MSIS,
        subscales={"physical": 100, "psychological": 0},
    ),
    Example(
        # physical raw 40 on 20-80 -> 20/60 x 100; psychological 18 on 9-36 -> 9/27 x 100.
        "msis29 v2 all twos",
        "msis29@2.0",
        numbered([2] * 29),
        None,
        None,
        MSIS,
        subscales={"physical": 100 / 3, "psychological": 100 / 3},
    ),
    Example("msws12 all threes is 50", "msws12", numbered([3] * 12), 50, None, MSWS),
    Example(
        "msws12 mixed sum 33 is 43.75",
        "msws12",
        numbered([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]),
        43.75,
        None,
        MSWS,
    ),
    Example("msws12 all fives is 100", "msws12", numbered([5] * 12), 100, None, MSWS),
    Example(
        # PF 10 items sum 25 -> (25-10)/20 = 75; RP 2+2+1+2 = 7 -> 75; RE 6 -> 100;
        # SF (6-2) + 4 = 8 -> 75; BP item 21 = 3 -> 4.2, item 22 = 2 (21 >= 2) -> 4: 8.2 -> 62;
        # VT (7-3) + (7-4) + 4 + 3 = 14 -> 50; MH 5 + 6 + (7-2) + 5 + (7-3) = 25 -> 80;
        # GH item 1 = 2 -> 4.4, 4, (6-2), 3, (6-2) = 19.4 -> 72.
        "sf36 full response",
        "sf36",
        QOL_ANSWERS,
        None,
        None,
        SF36,
        subscales={
            "physical_functioning": 75,
            "role_physical": 75,
            "role_emotional": 100,
            "social_functioning": 75,
            "bodily_pain": 62,
            "vitality": 50,
            "mental_health": 80,
            "general_health": 72,
        },
    ),
    Example(
        # item 12 missing: PF 9 answered, sum 22 -> 22 x 10 / 9 = 24.44 -> (24.44-10)/20 = 72.22.
        "sf36 physical functioning is prorated with one item missing",
        "sf36",
        QOL_WITHOUT_12,
        None,
        None,
        SF36 + " (half-scale rule)",
        subscales={"physical_functioning": 650 / 9, "role_physical": 75},
    ),
    Example(
        # item 21 missing: item 22 = 2 -> 4.75 from the one-item map, imputed twice -> 9.5 -> 75.
        "sf36 bodily pain uses the other map when item 21 is missing",
        "sf36",
        {k: v for k, v in QOL_ANSWERS.items() if k != "21"},
        None,
        None,
        SF36,
        subscales={"bodily_pain": 75},
    ),
    Example(
        # item 21 = 1 -> 6 and item 22 = 1 with 21 = 1 -> 6: 12 -> 100.
        "sf36 no pain scores 100",
        "sf36",
        {**QOL_ANSWERS, "21": 1, "22": 1},
        None,
        None,
        SF36,
        subscales={"bodily_pain": 100},
    ),
    Example(
        # item 21 = 2 -> 5.4, item 22 = 1 with 21 >= 2 -> 5: 10.4 -> 84.
        "sf36 item 22 answer 1 counts 5 when item 21 shows some pain",
        "sf36",
        {**QOL_ANSWERS, "21": 2, "22": 1},
        None,
        None,
        SF36,
        subscales={"bodily_pain": 84},
    ),
    Example(
        # PF 0,50,100,100,100,50,50,100,100,100 -> 75; pain (60 + 75) / 2 = 67.5;
        # energy 60,40,60,40 -> 50; emotional 80,100,80,80,60 -> 80; GH 75,75,75,50,75 -> 70.
        "rand36 full response",
        "rand36",
        QOL_ANSWERS,
        None,
        None,
        RAND,
        subscales={
            "physical_functioning": 75,
            "role_physical": 75,
            "role_emotional": 100,
            "social_functioning": 75,
            "pain": 67.5,
            "energy": 50,
            "emotional_wellbeing": 80,
            "general_health": 70,
        },
    ),
    Example(
        "rand36 mean of answered items when one is missing",
        "rand36",
        QOL_WITHOUT_12,
        None,
        None,
        RAND,
        subscales={"physical_functioning": 650 / 9},
    ),
    Example(
        # RAND averages whatever was answered: physical functioning from items 3 (1 -> 0) and
        # 4 (2 -> 50) alone is 25, though 8 of its 10 items are blank; pain with items 21 and
        # 22 both blank has nothing to average and stays empty.
        "rand36 a scale is the mean of the items answered, however few; none answered is empty",
        "rand36",
        {
            k: v
            for k, v in QOL_ANSWERS.items()
            if k not in {"5", "6", "7", "8", "9", "10", "11", "12", "21", "22"}
        },
        None,
        None,
        RAND_MISSING,
        subscales={"physical_functioning": 25, "pain": None, "energy": 50},
    ),
    Example("t25fw mean of 6.0 and 6.4", "t25fw", {"1": 6.0, "2": 6.4}, 6.2, "6 to 7.99 s", T25),
    Example("t25fw mean of 5.2 and 5.6", "t25fw", {"1": 5.2, "2": 5.6}, 5.4, "under 6 s", T25),
    Example("t25fw mean of 10 and 12", "t25fw", {"1": 10, "2": 12}, 11, "8 s or more", T25),
    Example(
        "6mwt baseline mean of the MIC study",
        "6mwt",
        {"1": 468},
        468,
        None,
        "468 m baseline mean [S25]",
    ),
    Example(
        "mas highest grade per side and overall",
        "mas",
        {"1": 1.5, "2": 3, "7": 2},
        3,
        "grade 3",
        "MAS grades (Bohannon & Smith 1987); highest-grade rule, docs/scoring/mas.md",
        subscales={"left": 2, "right": 3},
        subscale_bands={"left": "grade 2", "right": "grade 3"},
    ),
    Example(
        "mas grade 1+ is stored as 1.5",
        "mas",
        {"4": 1.5},
        1.5,
        "grade 1+",
        "MAS 1+ coding, docs/scoring/mas.md",
        subscales={"left": None, "right": 1.5},
    ),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=ids(EXAMPLES))
def test_a_function_or_quality_of_life_measure_scores_its_worked_example(example: Example) -> None:
    check(example)


@pytest.mark.parametrize(
    ("code", "answers", "prorated", "missing"),
    [
        ("sf36", QOL_WITHOUT_12, True, 1),
        ("sf36", QOL_ANSWERS, False, 0),
        ("rand36", QOL_WITHOUT_12, True, 1),
        ("mas", {"1": 2}, False, 11),
    ],
)
def test_the_result_says_whether_items_were_missing_and_whether_a_score_was_prorated(
    code: str, answers: dict[str, float], prorated: bool, missing: int
) -> None:
    result = score(code, answers)
    assert (result.prorated, result.missing) == (prorated, missing)
