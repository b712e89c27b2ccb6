"""Months of questionnaire results for the demo clients, so that the Measures page has change
to judge.

Every number here is invented for the demo. None of it is data about anyone, and none of it is
taken from a study: the totals were picked to look like plausible courses of massage care in MS
and so that the Measures page shows each judgement at least once (improved, no reliable change,
worse) as well as "no judgement" where the literature gives no reliability or MCID. Ana
Demo-Rowan's page alone shows all three.

A course is one total a visit: baseline, then 6 weeks, 3 months and 6 months after it (fewer
totals, fewer visits). The instruments are those the massage trials in MS measured and whose
scoring ships: FSS, PHQ-9, GAD-7 and the 0-10 ratings. MSIS-29 is left out because its
licence asks for permission before use, which a fictional clinic cannot have. The answers are
made from each total by :func:`answers_for` and entered by the clinic's therapist as paper
forms through ``enter_response``, so each is scored and audited like real data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.instruments import services as measures
from msrelief.scoring import get_definition

#: Days after baseline of each visit: baseline, 6 weeks, 3 months, 6 months.
VISIT_DAYS = (0, 42, 91, 182)


@dataclass(frozen=True)
class Course:
    client: str  # the demo client's display name
    started_days_ago: int  # the baseline visit, counted back from the day load-demo runs
    totals: dict[str, tuple[int, ...]]  # instrument code to its total at each visit

    def __post_init__(self) -> None:
        visits = max(len(totals) for totals in self.totals.values())
        if visits > len(VISIT_DAYS):
            raise ValueError(f"{self.client}: a course has at most {len(VISIT_DAYS)} visits")
        if self.started_days_ago <= VISIT_DAYS[visits - 1]:
            raise ValueError(f"{self.client}: the last visit must be before today")


COURSES = (
    Course(
        "Ana Demo-Rowan",
        210,
        {"fss": (6, 5, 4, 4), "gad7": (4, 5, 7, 10), "nrs-pain": (5, 4, 3, 3)},
    ),
    Course(
        "B. Demo-Hale", 200, {"fss": (6, 6, 5, 5), "phq9": (11, 9, 8, 6), "nrs-pain": (7, 6, 5, 5)}
    ),
    Course("C. Demo-Ishida", 20, {"phq9": (5,)}),
    Course(
        "D. Demo-Okafor", 190, {"fss": (5, 5, 6, 7), "phq9": (8, 8, 9, 10), "gad7": (6, 5, 5, 4)}
    ),
    Course("F. Demo-Marsh", 120, {"fss": (6, 5, 4), "phq9": (13, 12, 12), "nrs-pain": (6, 4, 4)}),
    Course(
        "G. Demo-Pereira",
        185,
        {"gad7": (12, 9, 8, 7), "phq9": (10, 8, 7, 7), "nrs-fatigue": (7, 6, 6, 5)},
    ),
    Course("H. Demo-Quinn", 195, {"fss": (5, 4, 4, 3), "nrs-fatigue": (8, 7, 6, 6)}),
    Course("J. Demo-Sato", 60, {"nrs-pain": (4, 3)}),
    Course("K. Demo-Tembo", 100, {"fss": (6, 6, 6), "nrs-pain": (5, 5, 6)}),
    Course("L. Demo-Varga", 205, {"phq9": (6, 5, 9, 12), "gad7": (5, 5, 4, 4)}),
    Course("M. Demo-Hillside", 110, {"fss": (5, 4, 4), "nrs-pain": (4, 3, 3)}),
)


def enter_courses(therapists: dict[int, User], clients: list[Client]) -> None:
    """Enter every course for the client it names, as the therapist of that client's clinic
    (``therapists`` is keyed by clinic id)."""
    by_name = {client.display_name: client for client in clients}
    today = timezone.localdate()
    for course in COURSES:
        client = by_name[course.client]
        for code, totals in course.totals.items():
            for days, total in zip(VISIT_DAYS, totals, strict=False):
                completed_on = today - dt.timedelta(days=course.started_days_ago - days)
                measures.enter_response(
                    therapists[client.clinic_id],
                    client,
                    code,
                    answers_for(code, total),
                    completed_on,
                )


def answers_for(code: str, total: int) -> dict[str, float]:
    """Answers to ``code`` (an instrument scored as the sum or mean of same-scale items in
    steps of 1) that score exactly ``total``.

    Each item starts at the scale's lowest value and points are dealt to the items in turn;
    then, in every three items, a point moves from the second to the first, so that the
    answers are not all alike. An item that a safety rule watches (PHQ-9 item 9) stays at its
    lowest value: the demo raises no safety flag.
    """
    definition = get_definition(code)
    scoring = definition.spec.scoring
    (spec,) = scoring.scores
    if len({item.scale for item in scoring.items}) > 1 or any(i.keying for i in scoring.items):
        raise ValueError(f"the demo makes answers only for unkeyed one-scale instruments: {code}")
    scale = scoring.answer_scales[scoring.items[0].scale]
    low = int(scale.values[0] if scale.values else scale.min or 0)
    high = int(scale.values[-1] if scale.values else scale.max or 0)
    items = list(definition.item_ids)
    free = [item for item in items if item not in {rule.item for rule in scoring.safety}]
    points = total * len(items) if spec.aggregate == "mean" else total
    extra = points - low * len(items)
    if spec.aggregate not in ("sum", "mean") or not 0 <= extra <= (high - low) * len(free):
        raise ValueError(f"the demo cannot make answers scoring {total} on {code}")
    answers = dict.fromkeys(items, low)
    for turn in range(extra):
        answers[free[turn % len(free)]] += 1
    for up, down in zip(free[0::3], free[1::3], strict=False):
        if answers[up] < high and answers[down] > low:
            answers[up], answers[down] = answers[up] + 1, answers[down] - 1
    return {item: float(value) for item, value in answers.items()}
