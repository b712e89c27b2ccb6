"""The client's report in plain words (a reading age of about eleven): what each score did,
with no thresholds, item answers or jargon. Only wording; the judgements are the progress
builder's (``scoring.judge_change``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from msrelief.reports.client_report.build import ScoreLine
from msrelief.scoring.contract import date_text, number_text

#: The judgement of a change, as the client reads it: (a word, what it means).
VERDICTS = {
    "improved": (
        "Better",
        "Your score has changed for the better, by more than it usually goes up and down "
        "from one time to the next.",
    ),
    "no reliable change": (
        "About the same",
        "Your score has moved a little, but not by more than it usually goes up and down, so "
        "we cannot say it has really changed.",
    ),
    "worse": (
        "Worse",
        "Your score has changed for the worse, by more than it usually goes up and down. "
        "Please talk to your therapist about it.",
    ),
}
ONE_SCORE = (
    "Only one score so far",
    "You have filled this in once, so there is nothing to compare it with yet.",
)
NOT_JUDGED = (
    "Not judged",
    "We cannot say whether this change is more than the usual ups and downs, because this "
    "questionnaire has no published figure for that.",
)

CAVEAT = (
    "Massage can ease symptoms such as tiredness, pain and stiffness for a while. It does not "
    "change how MS itself goes over time, and it is not a treatment for MS."
)
NOT_CAUSE = (
    "Your scores can change for many reasons: the season, sleep, stress, a relapse, a change "
    "of medicine. So a better score shows that things got better while you were having "
    "massage. It does not prove that the massage made them better."
)


@dataclass(frozen=True)
class PlainScore:
    line: ScoreLine
    name: str  # "Fatigue Severity Scale (FSS)"
    direction: str  # "On this questionnaire, a lower score is better."
    first: str  # "6 on 3 March 2026"
    latest: str
    verdict: str  # "Better"
    meaning: str


def _direction(line: ScoreLine) -> str:
    lower = line.construct.presentation.direction == "lower_is_better"
    return f"On this questionnaire, a {'lower' if lower else 'higher'} score is better."


def _on(point: tuple[dt.date, float]) -> str:
    day, value = point
    return f"{number_text(value)} on {date_text(day)}"


def plain_score(line: ScoreLine) -> PlainScore:
    change = line.construct.change
    if not line.repeated:
        verdict, meaning = ONE_SCORE
    elif change is None or change.classification is None:
        verdict, meaning = NOT_JUDGED
    else:
        verdict, meaning = VERDICTS[change.classification]
    presentation = line.construct.presentation
    name = presentation.title
    if presentation.score != "total":
        name = f"{name}: {presentation.label}"
    return PlainScore(line, name, _direction(line), _on(line.baseline), _on(line.latest),
                      verdict, meaning)  # fmt: skip
