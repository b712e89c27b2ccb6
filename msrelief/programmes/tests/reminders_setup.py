"""What the reminder tests share: a frozen clock at a known Monday, a client with an email
address, a plan of sessions, and a programme that sends the PHQ-9 at its start."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from msrelief.clients import services as clients
from msrelief.programmes import services
from msrelief.programmes.models import ProgrammeTemplate, TimePoint
from msrelief.programmes.reminders import services as reminders
from msrelief.programmes.tests.factories import plan

AUCKLAND = ZoneInfo("Pacific/Auckland")  # the tests' site time zone (conftest.py)
MONDAY = dt.date(2026, 3, 2)


def nz(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """``day`` at ``hour``:``minute`` in Auckland."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=AUCKLAND)


def with_email(actor: Any, client: Any, **fields: Any) -> Any:
    fields.setdefault("email", "robin@example.test")
    return clients.update_client(actor, client, **fields)


def phq9_template() -> ProgrammeTemplate:
    template = ProgrammeTemplate.objects.create(
        key="reminder-trial",
        title="Massage with a PHQ-9 at the start",
        sessions_per_week=2,
        weeks=2,
        minutes_per_session=50,
    )
    TimePoint.objects.create(
        template=template,
        label="baseline",
        week=0,
        instruments=[{"code": "phq9", "trial_instrument": "PHQ-9", "substitute": False}],
    )
    return template


def enrol_from_monday(therapist: Any, client: Any, hour: int = 10) -> Any:
    """Mondays and Thursdays at ``hour`` (Auckland) from 2 March 2026, for two weeks."""
    return services.enrol_client(
        therapist,
        client,
        phq9_template(),
        plan(therapist, start=MONDAY, session_time=dt.time(hour, 0)),
    )


def pass_at(clock: Any, moment: dt.datetime, kind: str = "", dry_run: bool = False) -> list[Any]:
    """The lines of a pass with the clock (time-machine's fixture) stopped at ``moment``, of
    one reminder kind if ``kind`` is given."""
    clock.move_to(moment, tick=False)
    lines = reminders.run_pass(moment, dry_run=dry_run)
    return [line for line in lines if not kind or line.decision.kind == kind]
