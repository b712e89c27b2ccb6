"""Enrolling a client in a programme: the sessions are planned from the template (from a start
date, on chosen weekdays at a chosen time), checked against the therapist's other sessions, and
the questionnaires of each time point are scheduled through the existing administrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.clients.restriction import ensure_unrestricted
from msrelief.instruments import rendering
from msrelief.instruments import services as measures
from msrelief.lib.limits import MAX_SCHEDULE_DAYS
from msrelief.programmes import schedule
from msrelief.programmes.models import (
    Enrolment,
    PlanChange,
    PlannedSession,
    ProgrammeTemplate,
    ScheduledMeasure,
)
from msrelief.programmes.services._common import (
    at,
    check_minutes,
    check_no_clash,
    staff_client,
    template_or_404,
)
from msrelief.scoring import get_definition

MAX_WEEKS_BACK = 52
SELF_REPORT = "self-report"
CLINICIAN = (
    "Measured or rated by the therapist: enter the result on the day (Measures, Enter a result)."
)
LICENSED = (
    "Its wording is licensed and your clinic has not imported it: enter the answers from "
    "your paper form (Measures, Enter a result), or have a clinic admin import the wording."
)
NOT_SHIPPED = "msrelief ships no instrument for this measure."


@dataclass(frozen=True)
class Plan:
    """What the enrolment form chose."""

    therapist: User
    start_date: dt.date
    weekdays: Sequence[int]
    session_time: dt.time
    minutes: int | None = None  # the template's, when not given
    weeks: int | None = None


@transaction.atomic
def enrol_client(actor: User, client: Client, template: ProgrammeTemplate, plan: Plan) -> Enrolment:
    """Enrol ``client`` in ``template`` (the latest version of a template the actor may see),
    plan its sessions and schedule its measures. Refuses, naming the field: a therapist who is
    not staff of the client's clinic, weekdays that do not match the template's sessions a
    week, a start date too far back or so far ahead that a measure could not be scheduled, and
    a session overlapping another of the same therapist (naming its day)."""
    client = staff_client(actor, client)
    ensure_unrestricted(client, "an enrolment")
    template = _latest(template_or_404(actor, template.pk))
    therapist = _therapist(actor, plan.therapist)
    minutes = check_minutes(plan.minutes or template.minutes_per_session)
    weeks = plan.weeks or template.weeks
    _check_plan(template, plan, weeks)
    assert weeks is not None
    # Lock the therapist's row: two enrolments made at once for one therapist queue here, so
    # the second sees the first one's sessions in the clash check.
    User.objects.select_for_update().filter(pk=therapist.pk).first()
    starts = _starts(template, plan, minutes, weeks)
    check_no_clash(therapist, starts, "session_time")
    enrolment = Enrolment.objects.create(
        clinic=client.clinic,
        client=client,
        template=template,
        therapist=therapist,
        start_date=plan.start_date,
        weekdays=sorted(set(plan.weekdays)),
        session_time=plan.session_time,
        minutes=minutes,
        weeks=weeks,
        enrolled_by=actor,
    )
    PlannedSession.objects.bulk_create(
        PlannedSession(enrolment=enrolment, starts_at=start, minutes=length)
        for start, length in starts
    )
    scheduled = _schedule_measures(actor, enrolment)
    PlanChange.objects.create(
        enrolment=enrolment,
        kind=PlanChange.Kind.PLANNED,
        details={"sessions": len(starts), "measures": scheduled},
        changed_by=actor,
    )
    audit.record(
        actor,
        Action.CREATE,
        enrolment,
        clinic=client.clinic,
        changes={"template": template.pk, "sessions": len(starts), "measures": scheduled},
        event="enrolment.created",
    )
    return enrolment


def _starts(
    template: ProgrammeTemplate, plan: Plan, minutes: int, weeks: int
) -> list[tuple[dt.datetime, int]]:
    """When each planned session starts, and how long it lasts."""
    days = schedule.session_dates(plan.start_date, plan.weekdays, weeks, template.sessions_total)
    return [(at(day, plan.session_time), minutes) for day in days]


def _latest(template: ProgrammeTemplate) -> ProgrammeTemplate:
    latest = ProgrammeTemplate.objects.filter(key=template.key).aggregate(v=Max("version"))["v"]
    if template.version != latest:
        raise ValidationError(
            {"template": f"Version {latest} of this template exists: enrol in that one."}
        )
    return template


def _therapist(actor: User, therapist: User) -> User:
    found = permissions.staff_of(actor).filter(pk=therapist.pk).first()
    if found is None:
        raise ValidationError({"therapist": "Choose a therapist of the client's clinic."})
    return found


def _check_plan(template: ProgrammeTemplate, plan: Plan, weeks: int | None) -> None:
    errors: dict[str, str] = {}
    days = set(plan.weekdays)
    if not days or not days <= set(range(1, 8)):
        errors["weekdays"] = "Choose the days of the week the sessions are on."
    elif template.sessions_per_week and len(days) != template.sessions_per_week:
        errors["weekdays"] = (
            f"This programme has {template.sessions_per_week} sessions a week: choose "
            f"{template.sessions_per_week} days (you chose {len(days)})."
        )
    if weeks is None or not 1 <= weeks <= 52:
        errors["weeks"] = "Enter how many weeks the programme lasts, from 1 to 52."
    today = timezone.localdate()
    earliest = today - dt.timedelta(weeks=MAX_WEEKS_BACK)
    if plan.start_date < earliest:
        errors["start_date"] = f"The start date can be at most {MAX_WEEKS_BACK} weeks ago."
    last_week = max((point.week for point in template.time_points.all()), default=0)
    horizon = today + dt.timedelta(days=MAX_SCHEDULE_DAYS)
    if schedule.due_date(plan.start_date, last_week) > horizon:
        errors["start_date"] = (
            f"With this start date the last measure (week {last_week}) would be more than "
            f"{MAX_SCHEDULE_DAYS} days from today; choose an earlier start date."
        )
    if errors:
        raise ValidationError(errors)


def _schedule_measures(actor: User, enrolment: Enrolment) -> int:
    """A row for every measure of every time point; a questionnaire (administration) for
    each one a client of this clinic can be sent. Returns how many were sent."""
    today = timezone.localdate()
    sent = 0
    for point in enrolment.template.time_points.all():
        due = schedule.due_date(enrolment.start_date, point.week)
        for entry in point.instruments:
            row = ScheduledMeasure(
                enrolment=enrolment,
                time_point=point.label,
                week=point.week,
                due_on=due,
                instrument_code=entry.get("code", ""),
                trial_instrument=entry.get("trial_instrument", ""),
                substitute=bool(entry.get("substitute")),
                note=entry.get("note", ""),
            )
            reason = _why_not_sent(enrolment.clinic_id, row.instrument_code)
            if reason:
                row.not_sent_reason = reason
            else:
                row.administration, _token = measures.assign_instrument(
                    actor, enrolment.client, row.instrument_code, available_from=max(due, today)
                )
                sent += 1
            row.save()
    return sent


def _why_not_sent(clinic_id: int, code: str) -> str:
    if not code:
        return NOT_SHIPPED
    definition = get_definition(code)
    if definition.spec.administration != SELF_REPORT:
        return CLINICIAN
    if not rendering.can_be_shown(clinic_id, definition):
        return LICENSED
    return ""
