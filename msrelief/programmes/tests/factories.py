"""Small factories for the programme tests, made through the services where one exists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from msrelief.programmes import services
from msrelief.programmes.models import ProgrammeTemplate, TimePoint

MONDAY, THURSDAY = 1, 4


def today() -> dt.date:
    return timezone.localdate()


def make_template(key: str = "trial-massage", **fields: Any) -> ProgrammeTemplate:
    """A template as the seed makes one (no clinic): 2 x 50 minutes a week for 6 weeks, with a
    baseline (FSS, NRS pain, MAS, PSQI) and an end (FSS) time point."""
    values: dict[str, Any] = {
        "title": "Swedish massage, twice a week for 6 weeks",
        "technique": "Swedish massage",
        "minutes_per_session": 50,
        "sessions_per_week": 2,
        "weeks": 6,
        "body_regions": ["upper_back", "lower_back"],
    }
    values.update(fields)
    template = ProgrammeTemplate.objects.create(key=key, **values)
    TimePoint.objects.create(
        template=template,
        label="baseline",
        week=0,
        instruments=[
            {"code": "fss", "trial_instrument": "FSS", "substitute": False, "note": ""},
            {"code": "nrs-pain", "trial_instrument": "VAS", "substitute": True, "note": "x"},
            {"code": "mas", "trial_instrument": "MAS", "substitute": False, "note": ""},
            {"code": "psqi", "trial_instrument": "PSQI", "substitute": False, "note": ""},
        ],
    )
    TimePoint.objects.create(
        template=template,
        label="end",
        week=6,
        instruments=[{"code": "fss", "trial_instrument": "FSS", "substitute": False, "note": ""}],
    )
    return template


def plan(therapist: Any, start: dt.date | None = None, **fields: Any) -> services.Plan:
    values: dict[str, Any] = {
        "therapist": therapist,
        "start_date": start or today(),
        "weekdays": [MONDAY, THURSDAY],
        "session_time": dt.time(10, 0),
    }
    values.update(fields)
    return services.Plan(**values)


def enrol(actor: Any, client: Any, template: ProgrammeTemplate | None = None, **fields: Any):
    template = template or make_template()
    return services.enrol_client(actor, client, template, plan(actor, **fields))


def todays_session(enrolment: Any) -> Any:
    """A session of ``enrolment`` on today's date, added to its plan if none falls today."""
    for session in enrolment.sessions.all():
        if session.local_date == today():
            return session
    return services.add_session(enrolment.therapist, enrolment, today(), dt.time(8, 0))


def clear_to_go_ahead(therapist: Any, session: Any) -> None:
    """Screen ``session`` (a client with no history screens GO) and decide to go ahead, as a
    therapist does before hands-on work."""
    from msrelief.safety import services as safety

    screen = services.screen_session(therapist, session, {})
    safety.decide(therapist, screen, "GO")
    session.refresh_from_db()
