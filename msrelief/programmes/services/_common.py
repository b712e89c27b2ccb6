"""What the programme services share: who may act, fetching rows for the actor's clinic,
local date-times, and the clash check of a therapist's diary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import dateformat, timezone

from msrelief.accounts.models import User
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.programmes import schedule
from msrelief.programmes.models import PlannedSession, ProgrammeTemplate, SessionStatus

MAX_SESSION_MINUTES = 240
DAY_IN_WORDS = "l j F Y"


def require_staff(actor: User) -> int:
    """The actor's clinic id; PermissionDenied unless they are clinic staff."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic_id is None:
        raise PermissionDenied("Only clinic staff can do this.")
    return actor.clinic_id


def staff_client(actor: User, client: Client) -> Client:
    """The client, fetched again for ``actor``'s clinic (404 outside it; 403 for non-staff)."""
    return permissions.staff_client(actor, client)


def templates_for(actor: User) -> QuerySet[ProgrammeTemplate]:
    """The templates ``actor`` may see and use: those from the trials and their clinic's."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic_id is None:
        return ProgrammeTemplate.objects.none()
    return ProgrammeTemplate.objects.filter(clinic_id__isnull=True) | (
        ProgrammeTemplate.objects.filter(clinic_id=actor.clinic_id)
    )


def template_or_404(actor: User, pk: int | str) -> ProgrammeTemplate:
    try:
        return templates_for(actor).select_related("arm__study", "clinic").get(pk=int(pk))
    except (ValueError, TypeError, ProgrammeTemplate.DoesNotExist):
        raise Http404("No such programme template") from None


def at(day: dt.date, time: dt.time) -> dt.datetime:
    """``day`` at ``time`` in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, time))


def in_words(moment: dt.datetime) -> str:
    """'Tuesday 3 March 2026 at 10:00' in the site's time zone."""
    local = timezone.localtime(moment)
    return f"{dateformat.format(local, DAY_IN_WORDS)} at {local:%H:%M}"


def check_minutes(minutes: int | None, field: str = "minutes") -> int:
    if minutes is None:
        raise ValidationError({field: "Enter how many minutes a session lasts."})
    if not 1 <= minutes <= MAX_SESSION_MINUTES:
        raise ValidationError({field: f"Enter minutes from 1 to {MAX_SESSION_MINUTES}."})
    return minutes


def check_no_clash(
    therapist: User,
    planned: Iterable[tuple[dt.datetime, int]],
    field: str,
    ignore: PlannedSession | None = None,
) -> None:
    """Refuse a plan in which a session overlaps another session of the same therapist that
    is not cancelled, naming the day and time of the first clash."""
    wanted = sorted(planned)
    if not wanted:
        return
    first, last = wanted[0][0], wanted[-1][0]
    margin = dt.timedelta(minutes=MAX_SESSION_MINUTES)
    diary = (
        PlannedSession.objects.filter(
            enrolment__therapist=therapist,
            starts_at__gt=first - margin,
            starts_at__lt=last + margin,
        )
        .exclude(status=SessionStatus.CANCELLED)
        .order_by("starts_at")
    )
    if ignore is not None:
        diary = diary.exclude(pk=ignore.pk)
    booked = list(diary.values_list("starts_at", "minutes"))
    for start, minutes in wanted:
        for other_start, other_minutes in booked:
            if schedule.overlaps(start, minutes, other_start, other_minutes):
                who = therapist.full_name or therapist.email
                raise ValidationError(
                    {
                        field: f"{who} already has a session on {in_words(other_start)} "
                        f"({other_minutes} minutes), which overlaps the session planned for "
                        f"{in_words(start)}. Choose another day or time."
                    }
                )
