"""Worked examples for fatigue, sleep and symptom-rating instruments.

MFIS rows reuse the Awell MFIS test responses [S2], whose subscale sums were checked by hand
against the MFIS item keys (Awell [S2]; NINDS CDE [S10]). The PSQI rows are hand-worked with every
component shown, following Buysse 1989 [S16].
"""

from __future__ import annotations

import pytest

from msrelief.scoring.tests.examples import Example, check, ids, numbered

AWELL_RANDOM_MFIS = [0, 4, 3, 1, 2, 1, 0, 1, 2, 4, 1, 2, 4, 1, 0, 2, 0, 0, 4, 4, 4]
MFIS_KEYS = "MFIS keys physical/cognitive/psychosocial [S2][S10]"
FSS_RULE = "FSS = mean of 9 items (NINDS [S10]); 4 or more = substantial fatigue [S19], §3.8"
ISI_BANDS = "ISI bands 0-7/8-14/15-21/22-28 [S2][S10]"
NO_TROUBLE = {f"5{letter}": 0 for letter in "abcdefghi"}

EXAMPLES = [
    Example(
        "fss all fours has mean 4",
        "fss",
        numbered([4] * 9),
        4,
        "4 or above: substantial fatigue",
        FSS_RULE,
    ),
    Example(
        "fss 1..7,1,2 has mean 31/9",
        "fss",
        numbered([1, 2, 3, 4, 5, 6, 7, 1, 2]),
        31 / 9,
        "below 4",
        FSS_RULE,
    ),
    Example(
        "fss all sevens has mean 7",
        "fss",
        numbered([7] * 9),
        7,
        "4 or above: substantial fatigue",
        FSS_RULE,
    ),
    Example(
        # cognitive 0+4+3+2+1+2+0+2+0+4 = 18; physical 1+1+0+4+4+1+0+4+4 = 19; psychosocial 1+2 = 3.
        "mfis21 awell random response",
        "mfis21",
        numbered(AWELL_RANDOM_MFIS),
        40,
        None,
        "Awell mfis_test_responses random_response [S2]; " + MFIS_KEYS,
        subscales={"physical": 19, "cognitive": 18, "psychosocial": 3},
    ),
    Example(
        "mfis21 awell median response",
        "mfis21",
        numbered([2] * 21),
        42,
        None,
        "Awell median_response [S2]",
        subscales={"physical": 18, "cognitive": 20, "psychosocial": 4},
    ),
    Example(
        "mfis21 awell worst response",
        "mfis21",
        numbered([4] * 21),
        84,
        None,
        "Awell worst_response [S2]",
        subscales={"physical": 36, "cognitive": 40, "psychosocial": 8},
    ),
    Example(
        # MFIS-5 items are MFIS-21 items 1, 9, 10, 17, 19 -> 0 + 2 + 4 + 0 + 4.
        "mfis5 uses the awell random answers to mfis21 items 1 9 10 17 19",
        "mfis5",
        numbered([0, 2, 4, 0, 4]),
        10,
        None,
        "Awell random_response [S2] restricted to the MFIS-5 items [S19]",
    ),
    Example(
        # C1 quality 0; C2 latency 10 min -> 0, + 5a 0 = 0 -> 0; C3 7.5 h > 7 -> 0;
        # C4 in bed 23:00-07:00 = 8 h, 7.5 / 8 = 93.75 % -> 0; C5 sum 0 -> 0; C6 0; C7 0 + 0 -> 0.
        "psqi good sleeper scores 0",
        "psqi",
        {"1": 23, "2": 10, "3": 7, "4": 7.5, **NO_TROUBLE, "6": 0, "7": 0, "8": 0, "9": 0},
        0,
        "good sleep quality (5 or less)",
        "Buysse 1989 components [S16] (hand-worked)",
        subscales={"latency": 0, "duration": 0, "efficiency": 0, "disturbances": 0},
    ),
    Example(
        # C1 quality 2; C2 45 min -> 2, + 5a 2 = 4 -> 2; C3 6.0 h -> 1 (6-7 h);
        # C4 22:30 -> 06:30 = 8 h in bed, 6 / 8 = 75 % -> 1; C5 5b-5i 1+2+1+0+0+1+2+1 = 8, + 5j 3
        # = 11 -> 2 (10-18); C6 medication 1; C7 1 + 2 = 3 -> 2. Global 2+2+1+1+2+1+2 = 11.
        "psqi poor sleeper scores 11",
        "psqi",
        {
            "1": 22.5,
            "2": 45,
            "3": 6.5,
            "4": 6.0,
            "5a": 2,
            "5b": 1,
            "5c": 2,
            "5d": 1,
            "5e": 0,
            "5f": 0,
            "5g": 1,
            "5h": 2,
            "5i": 1,
            "5j": 3,
            "6": 2,
            "7": 1,
            "8": 1,
            "9": 2,
        },
        11,
        "poor sleep quality (more than 5)",
        "Buysse 1989 components [S16] (hand-worked)",
        subscales={
            "subjective_quality": 2,
            "latency": 2,
            "duration": 1,
            "efficiency": 1,
            "disturbances": 2,
            "medication": 1,
            "daytime_dysfunction": 2,
        },
    ),
    Example(
        "isi all twos = 14 is subthreshold",
        "isi",
        numbered([2] * 7),
        14,
        "subthreshold insomnia",
        ISI_BANDS,
    ),
    Example(
        "isi total 7 is not clinically significant",
        "isi",
        numbered([1] * 7),
        7,
        "no clinically significant insomnia",
        ISI_BANDS,
    ),
    Example(
        "isi total 15 is moderate clinical insomnia",
        "isi",
        numbered([3, 3, 3, 3, 3, 0, 0]),
        15,
        "clinical insomnia (moderate)",
        ISI_BANDS,
    ),
    Example(
        "isi total 22 is severe clinical insomnia",
        "isi",
        numbered([4, 4, 4, 4, 4, 2, 0]),
        22,
        "clinical insomnia (severe)",
        ISI_BANDS,
    ),
    Example(
        "nrs pain rating is its own score",
        "nrs-pain",
        {"1": 7},
        7,
        None,
        "single 0-10 rating [S23][S30]",
    ),
    Example(
        "nrs stiffness rating is its own score",
        "nrs-stiffness",
        {"1": 3},
        3,
        None,
        "single 0-10 rating [S23][S30]",
    ),
    Example(
        "nrs relaxation rating is its own score",
        "nrs-relaxation",
        {"1": 10},
        10,
        None,
        "single 0-10 rating [S23][S30]",
    ),
    Example(
        "nrs sleep rating of zero is valid", "nrs-sleep", {"1": 0}, 0, None, "single 0-10 rating"
    ),
    Example(
        "nrs fatigue rating is its own score",
        "nrs-fatigue",
        {"1": 5},
        5,
        None,
        "single 0-10 rating [S23][S30]",
    ),
    Example(
        "nrs stress rating is its own score",
        "nrs-stress",
        {"1": 6},
        6,
        None,
        "single 0-10 rating [S23][S30]",
    ),
    Example(
        "nrs mood rating is its own score",
        "nrs-mood",
        {"1": 8},
        8,
        None,
        "single 0-10 rating [S23][S30]",
    ),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=ids(EXAMPLES))
def test_a_fatigue_sleep_or_rating_instrument_scores_its_worked_example(example: Example) -> None:
    check(example)
