"""Demo care programmes: three demo clients enrolled in programmes from the trials, with weeks
of past sessions (attended, cancelled, a no-show), signed notes, ratings before and after, and
one adverse event. Everything is invented for the demo, entered through the programme services
with dates counted back from the day ``load-demo`` runs.

- Ana Demo-Rowan (heat sensitive: the screen would say adapt) is in the Naderi programme,
  Monday and Thursday mornings, for the last three and a half weeks; one no-show.
- B. Demo-Hale is in the Naderi programme on Tuesday and Friday afternoons; one session was
  cancelled by him, and after one his calf stiffened (the adverse event, which raises a flag).
- D. Demo-Okafor is in the Gaballah programme (three a week for two weeks). Her relapse began
  ten days ago: the day it began she cancelled, the clinic cancelled the sessions since, and
  she has a session today (the screen would say defer).

The programmes' questionnaires are scheduled but none is filled in, so the dashboard shows them
as overdue once their day has passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.evidence import seeding as evidence_seed
from msrelief.programmes import seeding as programme_seed
from msrelief.programmes import services
from msrelief.programmes.models import Enrolment, PlannedSession, ProgrammeTemplate

NADERI, GABALLAH = "naderi2024-massage", "gaballah2023-effleurage"


@dataclass(frozen=True)
class Course:
    client: str
    template: str
    started_days_ago: int
    weekdays: tuple[int, ...] | None  # None: the days of the sessions fall on today and +2, +4
    at: dt.time
    # what happened to the past sessions, by their order (the rest were attended)
    cancelled_by_client: tuple[int, ...] = ()
    no_show: tuple[int, ...] = ()
    cancelled_by_clinic_from: int | None = None  # every later past session, by the clinic


COURSES = (
    Course("Ana Demo-Rowan", NADERI, 25, (1, 4), dt.time(10, 0), no_show=(3,)),
    Course("B. Demo-Hale", NADERI, 18, (2, 5), dt.time(14, 0), cancelled_by_client=(2,)),
    Course(
        "D. Demo-Okafor",
        GABALLAH,
        12,
        None,
        dt.time(11, 30),
        cancelled_by_client=(1,),
        cancelled_by_clinic_from=2,
    ),
)

# Pre and post ratings of each attended session, turn by turn: (pain, stress, relaxation).
PRE = ((6, 7, 3), (5, 6, 4), (5, 5, 4), (4, 6, 5))
POST = ((4, 4, 7), (3, 3, 8), (3, 3, 8), (2, 4, 8))
NOTES = (
    ("Legs heavy after a warm week at work.", "Calves and thighs tight; skin cool.",
     "Tolerated moderate pressure well.", "Same routine; keep the room cool."),
    ("Slept better two nights this week.", "Less guarding in the shoulders.",
     "Relaxed quickly.", "Continue; check fatigue at the next visit."),
)  # fmt: skip
HALE_EVENT = services.Report(
    occurred_on=dt.date.min,  # replaced by the session's day
    kind="spasm",
    severity="mild",
    description="Left calf cramped for a few minutes after the session.",
    action_taken="Gentle stretch; lighter pressure on the left calf next time.",
    follow_up="Ask about cramps at the next session.",
)


def load(therapist: User, clients: list[Client]) -> None:
    """Enrol the demo clients of ``COURSES`` (``therapist`` runs every session)."""
    evidence_seed.load()
    programme_seed.load()
    by_name = {client.display_name: client for client in clients}
    for course in COURSES:
        _run(therapist, by_name[course.client], course)


def _weekdays(course: Course, today: dt.date) -> list[int]:
    if course.weekdays is not None:
        return list(course.weekdays)
    return [(today + dt.timedelta(days=offset)).isoweekday() for offset in (0, 2, 4)]


def _run(therapist: User, client: Client, course: Course) -> Enrolment:
    today = timezone.localdate()
    template = ProgrammeTemplate.objects.get(key=course.template, version=1)
    plan = services.Plan(
        therapist=therapist,
        start_date=today - dt.timedelta(days=course.started_days_ago),
        weekdays=_weekdays(course, today),
        session_time=course.at,
    )
    enrolment = services.enrol_client(therapist, client, template, plan)
    past = [s for s in enrolment.sessions.all() if s.local_date < today]
    attended = 0
    for number, session in enumerate(past):
        if _cancel_or_miss(therapist, session, course, number):
            continue
        _attend(therapist, session, attended)
        if client.display_name == "B. Demo-Hale" and attended == 1:
            event = dataclasses.replace(HALE_EVENT, occurred_on=session.local_date)
            services.record_adverse_event(therapist, client, event, session)
        attended += 1
    return enrolment


def _cancel_or_miss(therapist: User, session: PlannedSession, course: Course, number: int) -> bool:
    if course.cancelled_by_clinic_from is not None and number >= course.cancelled_by_clinic_from:
        services.record_session_status(
            therapist, session, "cancelled", "clinic", "Relapse: deferred until it settles."
        )
        return True
    if number in course.cancelled_by_client:
        services.record_session_status(therapist, session, "cancelled", "client", "Unwell.")
        return True
    if number in course.no_show:
        services.record_session_status(therapist, session, "no_show")
        return True
    return False


def _attend(therapist: User, session: PlannedSession, turn: int) -> None:
    services.record_session_status(therapist, session, "attended")
    pre, post = PRE[turn % len(PRE)], POST[turn % len(POST)]
    codes = ("nrs-pain", "nrs-stress", "nrs-relaxation")
    services.record_ratings(therapist, session, "pre", dict(zip(codes, pre, strict=True)))
    subjective, objective, assessment, plan = NOTES[turn % len(NOTES)]
    fields = {
        "subjective": subjective,
        "objective": objective,
        "assessment": assessment,
        "plan": plan,
        "techniques": ["effleurage", "petrissage"],
        "pressure": "moderate",
        "minutes": session.minutes,
        "body_regions": list(session.enrolment.template.body_regions)
        or ["upper_back", "lower_back"],
    }
    services.save_note(therapist, session, fields, sign=True)
    services.record_ratings(therapist, session, "post", dict(zip(codes, post, strict=True)))
