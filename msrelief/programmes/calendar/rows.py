"""What one feed shows, read from the database as the plain rows ``feeds.build`` takes.

A client's feed has their sessions ("Massage session") and the days their questionnaires are
due ("Questionnaire due"); a therapist's feed has the sessions they give, each with the
client's display name (the name or initials the clinic chose for the client, which the
therapist needs to know whom they see), and the days their clients' measures are due. No
event names a questionnaire, a score, a note or anything else about the client's health; the
only other text is the clinic's name.

A feed covers the 12 months before today and the 12 months after (:data:`WINDOW_YEARS`), so
its size stays bounded however long a client has been coming.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Max, Min, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from msrelief.instruments.models import Administration, Status
from msrelief.programmes.calendar import feeds
from msrelief.programmes.calendar.models import CalendarFeed
from msrelief.programmes.models import (
    Enrolment,
    PlanChange,
    PlannedSession,
    ScheduledMeasure,
    SessionStatus,
)

WINDOW_YEARS = 1
SESSION = "Massage session"
QUESTIONNAIRE_DUE = "Questionnaire due"
MEASURES_DUE = "Measures due"
# The changes that alter what a session's event says: when it is, and whether it is on.
REVISIONS = (PlanChange.Kind.MOVED, PlanChange.Kind.STATUS)


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a feed made on ``today`` shows."""
    return _years_from(today, -WINDOW_YEARS), _years_from(today, WINDOW_YEARS)


def _years_from(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year without one
        return day.replace(year=day.year + years, day=28)


def host() -> str:
    """The site's host name, which makes each event's UID unique to this msrelief."""
    return urlsplit(settings.BASE_URL).hostname or "msrelief.invalid"


def calendar_bytes(feed: CalendarFeed, today: dt.date | None = None) -> bytes:
    """The whole calendar of ``feed``, as served."""
    first, last = window(today or timezone.localdate())
    clinic = feed.clinic.name
    if feed.client_id is not None:
        owner, name = f"client-{feed.client_id}", f"{clinic}: massage sessions"
    else:
        owner, name = f"therapist-{feed.therapist_id}", f"{clinic}: the sessions you give"
    header = feeds.Header(
        uid=f"calendar-{owner}@{host()}",
        name=name,
        description=f"Sessions and due dates from {clinic}, kept up to date by msrelief.",
        time_zone=settings.TIME_ZONE,
        first_day=first,
        last_day=last,
    )
    return feeds.build(header, session_rows(feed, first, last), due_rows(feed, first, last))


def _sessions(feed: CalendarFeed) -> QuerySet[PlannedSession]:
    found = PlannedSession.objects.filter(enrolment__clinic_id=feed.clinic_id)
    if feed.client_id is not None:
        return found.filter(enrolment__client_id=feed.client_id)
    return found.filter(enrolment__therapist_id=feed.therapist_id)


def session_rows(feed: CalendarFeed, first: dt.date, last: dt.date) -> list[feeds.Timed]:
    """Every session of the feed's owner from ``first`` to ``last``, cancelled ones too."""
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    sessions = (
        _sessions(feed)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("enrolment__client", "enrolment__clinic")
        .annotate(
            revisions=Count("changes", filter=Q(changes__kind__in=REVISIONS)),
            added_at=Min("changes__changed_at", filter=Q(changes__kind=PlanChange.Kind.ADDED)),
            changed_at=Max("changes__changed_at"),
        )
        .order_by("starts_at", "id")
    )
    for_therapist = feed.client_id is None
    return [_session_row(session, for_therapist) for session in sessions]


def _session_row(session: PlannedSession, for_therapist: bool) -> feeds.Timed:
    enrolment = session.enrolment
    created = session.added_at or enrolment.enrolled_at  # type: ignore[attr-defined]
    modified = max(created, session.changed_at or created)  # type: ignore[attr-defined]
    summary, url, uid = SESSION, "", f"session-{session.pk}@{host()}"
    if for_therapist:
        summary = f"{SESSION}: {enrolment.client.display_name}"
        url = settings.BASE_URL + reverse("programmes-session", args=[session.pk])
        uid = f"session-{session.pk}-therapist@{host()}"
    return feeds.Timed(
        uid=uid,
        summary=summary,
        location=enrolment.clinic.name,
        starts_at=session.starts_at,
        minutes=session.minutes,
        cancelled=session.status == SessionStatus.CANCELLED,
        sequence=session.revisions,  # type: ignore[attr-defined]
        created=created,
        modified=modified,
        url=url,
    )


def due_rows(feed: CalendarFeed, first: dt.date, last: dt.date) -> list[feeds.AllDay]:
    """One all-day event per enrolment and time point due from ``first`` to ``last``: for a
    client, the questionnaires they are sent; for a therapist, every measure."""
    measures = ScheduledMeasure.objects.filter(
        enrolment__clinic_id=feed.clinic_id, due_on__gte=first, due_on__lte=last
    ).select_related("administration", "enrolment__client", "enrolment__clinic")
    if feed.client_id is not None:
        measures = measures.filter(
            enrolment__client_id=feed.client_id, administration__isnull=False
        )
    else:
        measures = measures.filter(enrolment__therapist_id=feed.therapist_id)
    groups: dict[tuple[int, int], list[ScheduledMeasure]] = defaultdict(list)
    for measure in measures.order_by("due_on", "id"):
        groups[(measure.enrolment_id, measure.week)].append(measure)
    for_therapist = feed.client_id is None
    return [_due_row(key, group, for_therapist) for key, group in groups.items()]


def _due_row(
    key: tuple[int, int], group: list[ScheduledMeasure], for_therapist: bool
) -> feeds.AllDay:
    enrolment = group[0].enrolment
    administrations = [m.administration for m in group if m.administration is not None]
    cancelled = [a for a in administrations if a.status == Status.CANCELLED]
    summary = QUESTIONNAIRE_DUE
    if for_therapist:
        summary = f"{MEASURES_DUE}: {enrolment.client.display_name}"
    return feeds.AllDay(
        uid=f"due-{key[0]}-week-{key[1]}{'-therapist' if for_therapist else ''}@{host()}",
        summary=summary,
        location=enrolment.clinic.name,
        day=min(m.due_on for m in group),
        cancelled=len(cancelled) == len(group),
        sequence=len(cancelled),
        modified=_last_change(enrolment, administrations),
    )


def _last_change(enrolment: Enrolment, administrations: Iterable[Administration]) -> dt.datetime:
    """When the due date's event last changed: the enrolment, or a questionnaire's sending or
    completion, whichever is latest."""
    moments = [enrolment.enrolled_at]
    for a in administrations:
        moments += [m for m in (a.assigned_at, a.completed_at) if m is not None]
    return max(moments)
