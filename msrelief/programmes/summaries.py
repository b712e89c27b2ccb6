"""What the pages show about enrolments, read in a fixed number of queries however many there
are: adherence (through the pure ``adherence`` module), today's sessions and overdue measures.
Reads only; every write is in ``services``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.instruments.models import Status
from msrelief.programmes import adherence
from msrelief.programmes.models import (
    AdverseEvent,
    Enrolment,
    EnrolmentStatus,
    PlannedSession,
    ScheduledMeasure,
    SessionRating,
    SessionStatus,
)

OPEN = (Status.PENDING, Status.IN_PROGRESS)
# What the dashboard's panels show of today's sessions and the overdue questionnaires: only
# these columns are loaded (every column of three or four tables was much of the page's time).
TODAY_COLUMNS = (
    "starts_at", "status", "cancelled_by", "enrolment__client__display_name",
    "enrolment__template__title",
)  # fmt: skip
OVERDUE_COLUMNS = (
    "instrument_code", "due_on", "enrolment__client_id", "enrolment__client__display_name",
    "administration__status",
)  # fmt: skip


@dataclass(frozen=True)
class EnrolmentLine:
    enrolment: Enrolment
    adherence: adherence.Adherence


def adherence_of(
    enrolments: Sequence[Enrolment], today: dt.date | None = None
) -> list[EnrolmentLine]:
    """Each enrolment with its adherence on ``today`` (two queries for all of them)."""
    today = today or timezone.localdate()
    ids = [enrolment.pk for enrolment in enrolments]
    sessions: dict[int, list[adherence.SessionRow]] = defaultdict(list)
    for enrolment_id, starts_at, status, by in PlannedSession.objects.filter(
        enrolment_id__in=ids
    ).values_list("enrolment_id", "starts_at", "status", "cancelled_by"):
        sessions[enrolment_id].append(
            adherence.SessionRow(timezone.localtime(starts_at).date(), status, by)
        )
    measures: dict[int, list[adherence.MeasureRow]] = defaultdict(list)
    for enrolment_id, due_on, status in ScheduledMeasure.objects.filter(
        enrolment_id__in=ids, administration__isnull=False
    ).values_list("enrolment_id", "due_on", "administration__status"):
        measures[enrolment_id].append(adherence.MeasureRow(due_on, status))
    return [
        EnrolmentLine(e, adherence.adherence(sessions[e.pk], measures[e.pk], today))
        for e in enrolments
    ]


def client_enrolments(client_id: int) -> list[EnrolmentLine]:
    rows = Enrolment.objects.filter(client_id=client_id).select_related("template", "therapist")
    return adherence_of(list(rows))


def client_adverse_events(client_id: int) -> QuerySet[AdverseEvent]:
    return AdverseEvent.objects.filter(client_id=client_id).select_related(
        "session", "flag", "recorded_by"
    )


def todays_sessions(user: User, today: dt.date | None = None) -> QuerySet[PlannedSession]:
    """The sessions of ``user`` (as the enrolment's therapist) on ``today``, not cancelled."""
    today = today or timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    return (
        PlannedSession.objects.filter(
            enrolment__therapist=user,
            enrolment__clinic_id=user.clinic_id or 0,
            starts_at__gte=start,
            starts_at__lt=start + dt.timedelta(days=1),
        )
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("enrolment__client", "enrolment__template")
        .only(*TODAY_COLUMNS)
        .order_by("starts_at")
    )


def overdue_measures(clinic_id: int, today: dt.date | None = None) -> QuerySet[ScheduledMeasure]:
    """Questionnaires a programme scheduled whose due date has passed and that are not
    completed (nor cancelled), oldest first."""
    today = today or timezone.localdate()
    return (
        ScheduledMeasure.objects.filter(
            enrolment__clinic_id=clinic_id,
            due_on__lt=today,
            administration__status__in=OPEN,
        )
        .select_related("enrolment__client", "administration")
        .only(*OVERDUE_COLUMNS)
        .order_by("due_on", "id")
    )


def active_enrolments(clinic_id: int) -> list[EnrolmentLine]:
    """The clinic's active enrolments with their adherence, for :func:`by_programme`: only
    the columns it reads (loading every column of four tables was a good part of the
    dashboard's time)."""
    rows = (
        Enrolment.objects.filter(clinic_id=clinic_id, status=EnrolmentStatus.ACTIVE)
        .select_related("template")
        .only("id", "template__key", "template__title")
        .order_by("client__display_name", "id")
    )
    return adherence_of(list(rows))


def by_programme(lines: Iterable[EnrolmentLine]) -> list[tuple[str, int, adherence.Adherence]]:
    """(programme title, number of clients, adherence added up) per programme key."""
    groups: dict[str, list[EnrolmentLine]] = defaultdict(list)
    for line in lines:
        groups[line.enrolment.template.key].append(line)
    rows = []
    for group in groups.values():
        total = adherence.combined(line.adherence for line in group)
        rows.append((group[0].enrolment.template.title, len(group), total))
    return sorted(rows, key=lambda row: row[0].lower())


SESSION_RATINGS = "before and after sessions"


def session_rating_responses(client: Client) -> tuple[str, set[int]]:
    """The ids of ``client``'s responses that are ratings taken before or after a session,
    under the name the client's history gives them."""
    ids = SessionRating.objects.filter(session__enrolment__client=client).values_list(
        "response_id", flat=True
    )
    return SESSION_RATINGS, set(ids)
