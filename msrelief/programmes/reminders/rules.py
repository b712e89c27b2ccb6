"""What is due at an instant: every reminder that should go now, wait (quiet hours), or not go
at all, with its reason in words. Reads the database, writes nothing: ``services`` sends and
logs what this decides, and the dry run prints it.

- A **session reminder** goes to the client when ``starts_at - lead <= now < starts_at`` and
  the session is still planned; a session moved to another time is a new thing to remind of.
- A **questionnaire** a programme scheduled is announced on the day it opens (at the first
  moment outside quiet hours), and nudged once ``nudge_days`` later if it is still not done.
- An **overdue measure** is listed once, in one email a day at most to the therapist.
- A **symptom diary** the client wants a reminder of is reminded of at the diary time on each
  day it is due, unless that day's entry exists (``diary_rules``).
- Nothing goes to a client who chose no reminders or has no email address, nor in quiet hours
  in the recipient's time zone (the client's own, else the site's).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat

from msrelief.accounts.models import User
from msrelief.clients.models import Client, ReminderChannel
from msrelief.clients.restriction import restriction_reason
from msrelief.instruments.diary.models import DiaryPlan
from msrelief.instruments.models import Administration, Status
from msrelief.lib.quiet_hours import QuietHours
from msrelief.notifications.models import Kind, Message
from msrelief.programmes.models import (
    EnrolmentStatus,
    PlannedSession,
    ScheduledMeasure,
    SessionStatus,
)
from msrelief.programmes.reminders.models import Outcome, ReminderKind, ReminderLog, StaffOptOut

SEND, SKIP, WAIT = "send", "skip", "wait"
OPEN = (Status.PENDING, Status.IN_PROGRESS)
DAY = "l j F Y"


@dataclass(frozen=True)
class Config:
    lead: dt.timedelta
    nudge_days: int
    quiet: QuietHours
    diary_time: dt.time = dt.time(18, 0)  # local, in the client's time zone

    @classmethod
    def from_settings(cls) -> Config:
        return cls(
            settings.REMINDER_LEAD,
            settings.REMINDER_NUDGE_DAYS,
            settings.QUIET_HOURS,
            settings.DIARY_REMINDER_TIME,
        )


@dataclass(frozen=True)
class Decision:
    """One reminder and what to do with it now. A therapist's overdue email is one decision
    for several measures (``measures``), each logged on its own client's record."""

    kind: ReminderKind
    action: str  # SEND, SKIP or WAIT
    reason: str
    client: Client
    about_key: str
    session: PlannedSession | None = None
    administration: Administration | None = None
    measures: tuple[ScheduledMeasure, ...] = field(default=())
    therapist: User | None = None
    until: dt.datetime | None = None  # when a WAIT may go
    diary: DiaryPlan | None = None

    @property
    def recipient(self) -> str:
        return "therapist" if self.therapist is not None else "client"


def decide(now: dt.datetime, config: Config | None = None) -> list[Decision]:
    """Every reminder decision at ``now``: sessions, questionnaires, overdue measures, then
    symptom diaries."""
    # Imported here: the diary's rules build on this module's helpers.
    from msrelief.programmes.reminders import diary_rules

    config = config or Config.from_settings()
    return [
        *session_decisions(now, config),
        *questionnaire_decisions(now, config),
        *overdue_decisions(now, config),
        *diary_rules.diary_decisions(now, config),
    ]


def session_key(session: PlannedSession) -> str:
    return f"session:{session.pk}@{session.starts_at.astimezone(dt.UTC).isoformat()}"


def administration_key(administration: Administration) -> str:
    return f"administration:{administration.pk}"


def measure_key(measure: ScheduledMeasure) -> str:
    return f"measure:{measure.pk}"


def in_words(moment: dt.datetime, zone: ZoneInfo) -> str:
    """'Tuesday 3 March 2026 at 10:00' in ``zone``."""
    local = moment.astimezone(zone)
    return f"{dateformat.format(local, DAY)} at {local:%H:%M}"


def day_in_words(day: dt.date) -> str:
    return dateformat.format(day, "j F Y")


def client_refusal(client: Client) -> str:
    """Why nothing can be sent to this client at all, or ""."""
    if restricted := restriction_reason(client):
        return restricted
    if client.reminders == ReminderChannel.NONE:
        return "the client chose no reminders"
    if not client.email:
        return "no email address"
    return ""


def sent_keys(kind: ReminderKind, keys: Iterable[str]) -> set[str]:
    return set(
        ReminderLog.objects.filter(
            kind=kind, about_key__in=list(keys), outcome=Outcome.SENT
        ).values_list("about_key", flat=True)
    )


def timed(
    base: Decision, now: dt.datetime, zone: ZoneInfo, quiet: QuietHours, deadline: dt.datetime
) -> Decision:
    """``base`` (a SEND) as it stands at ``now``: sent, waiting for quiet hours to end, or
    skipped when quiet hours last until ``deadline``."""
    refusal = client_refusal(base.client) if base.therapist is None else ""
    if refusal:
        return altered(base, SKIP, refusal)
    until = quiet.next_allowed(now, zone)
    if until >= deadline:
        return altered(
            base, SKIP, f"quiet hours ({quiet.text}, {zone.key}) last until it is too late"
        )
    if until > now:
        return altered(base, WAIT, f"quiet hours ({quiet.text}, {zone.key})", until)
    return base


def altered(base: Decision, action: str, reason: str, until: dt.datetime | None = None) -> Decision:
    return replace(base, action=action, reason=reason, until=until)


def session_decisions(now: dt.datetime, config: Config) -> list[Decision]:
    """Sessions starting within the lead time, and those that started within it unreminded."""
    sessions = list(
        PlannedSession.objects.filter(
            starts_at__gt=now - config.lead, starts_at__lte=now + config.lead
        )
        .select_related("enrolment__client__clinic")
        .order_by("starts_at", "id")
    )
    sent = sent_keys(ReminderKind.SESSION, (session_key(s) for s in sessions))
    decisions = []
    for session in sessions:
        key = session_key(session)
        if key in sent:
            continue
        decision = _session_decision(session, key, now, config)
        if decision is not None:
            decisions.append(decision)
    return decisions


def _session_decision(
    session: PlannedSession, key: str, now: dt.datetime, config: Config
) -> Decision | None:
    client = session.enrolment.client
    when = in_words(session.starts_at, client.zone)
    base = Decision(ReminderKind.SESSION, SEND, f"session on {when}", client, key, session=session)
    started = session.starts_at <= now
    if session.status != SessionStatus.PLANNED:
        if started:
            return None  # recorded after it began: nothing was due any more
        return altered(base, SKIP, f"the session on {when} is {session.status_text.lower()}")
    if started:
        return altered(base, SKIP, f"the session on {when} began before a reminder could go")
    if session.enrolment.status != EnrolmentStatus.ACTIVE:
        state = session.enrolment.get_status_display().lower()
        return altered(base, SKIP, f"the client's programme is {state}")
    return timed(base, now, client.zone, config.quiet, session.starts_at)


def questionnaire_decisions(now: dt.datetime, config: Config) -> list[Decision]:
    """Questionnaires a programme scheduled that opened within the last 2 x nudge days."""
    span = dt.timedelta(days=2 * config.nudge_days + 1)
    measures = list(
        ScheduledMeasure.objects.filter(
            administration__isnull=False,
            administration__available_from__gte=(now - span).date(),
            administration__available_from__lte=(now + dt.timedelta(days=1)).date(),
        )
        .select_related("administration__client__clinic", "enrolment")
        .order_by("administration__available_from", "id")
    )
    keys = [administration_key(m.administration) for m in measures if m.administration]
    sent = {
        kind: sent_keys(kind, keys)
        for kind in (ReminderKind.QUESTIONNAIRE_OPEN, ReminderKind.QUESTIONNAIRE_NUDGE)
    }
    decisions = []
    for measure in measures:
        decision = _questionnaire_decision(measure, now, config, sent)
        if decision is not None:
            decisions.append(decision)
    return decisions


def _questionnaire_decision(
    measure: ScheduledMeasure,
    now: dt.datetime,
    config: Config,
    sent: dict[ReminderKind, set[str]],
) -> Decision | None:
    administration = measure.administration
    assert administration is not None
    client = administration.client
    zone = client.zone
    days_open = (now.astimezone(zone).date() - administration.available_from).days
    if days_open < 0 or days_open >= 2 * config.nudge_days:
        return None
    nudge = days_open >= config.nudge_days
    kind = ReminderKind.QUESTIONNAIRE_NUDGE if nudge else ReminderKind.QUESTIONNAIRE_OPEN
    key = administration_key(administration)
    if key in sent[kind]:
        return None
    opened = day_in_words(administration.available_from)
    title = measure.instrument_code.upper()
    what = f"{title} open since {opened}, not yet done" if nudge else f"{title} open from {opened}"
    base = Decision(kind, SEND, what, client, key, administration=administration)
    refusal = _questionnaire_refusal(measure, administration, now, nudge)
    if refusal:
        return altered(base, SKIP, refusal)
    # The last moment worth it: the next reminder's day, or the link's end.
    days_left = 2 * config.nudge_days if nudge else config.nudge_days
    last_day = administration.available_from + dt.timedelta(days=days_left)
    deadline = dt.datetime.combine(last_day, dt.time(), tzinfo=zone)
    if administration.token_expires_at is not None:
        deadline = min(deadline, administration.token_expires_at)
    return timed(base, now, zone, config.quiet, deadline)


def _questionnaire_refusal(
    measure: ScheduledMeasure, administration: Administration, now: dt.datetime, nudge: bool
) -> str:
    title = measure.instrument_code.upper()
    if administration.status == Status.COMPLETED:
        return f"{title} is already done"
    if administration.status == Status.CANCELLED:
        return f"{title} was cancelled"
    if measure.enrolment.status != EnrolmentStatus.ACTIVE:
        return f"the client's programme is {measure.enrolment.get_status_display().lower()}"
    expires = administration.token_expires_at
    if expires is not None and expires <= now:
        return f"the link of {title} has expired"
    if not nudge and _link_emailed(administration):
        return f"the clinic emailed the link of {title} already"
    return ""


def _link_emailed(administration: Administration) -> bool:
    return Message.objects.filter(
        kind=Kind.QUESTIONNAIRE_LINK,
        about_type=administration._meta.label_lower,
        about_id=str(administration.pk),
    ).exists()


def overdue_decisions(now: dt.datetime, config: Config) -> list[Decision]:
    """One email per therapist listing the scheduled questionnaires of their clients that are
    past their due date and still open, each listed once; one such email a day at most."""
    zone = ZoneInfo(settings.TIME_ZONE)
    today = now.astimezone(zone).date()
    measures = list(
        ScheduledMeasure.objects.filter(
            due_on__lt=today,
            administration__status__in=OPEN,
            enrolment__status=EnrolmentStatus.ACTIVE,
        )
        .select_related("enrolment__client__clinic", "enrolment__therapist", "administration")
        .order_by("due_on", "id")
    )
    sent = sent_keys(ReminderKind.MEASURES_OVERDUE, (measure_key(m) for m in measures))
    by_therapist: dict[User, list[ScheduledMeasure]] = defaultdict(list)
    for measure in measures:
        if measure_key(measure) not in sent:
            by_therapist[measure.enrolment.therapist].append(measure)
    return [
        _overdue_decision(therapist, tuple(group), now, zone, config)
        for therapist, group in by_therapist.items()
    ]


def _overdue_decision(
    therapist: User,
    measures: tuple[ScheduledMeasure, ...],
    now: dt.datetime,
    zone: ZoneInfo,
    config: Config,
) -> Decision:
    first = measures[0]
    count = f"{len(measures)} overdue measure{'s' if len(measures) != 1 else ''}"
    base = Decision(
        ReminderKind.MEASURES_OVERDUE,
        SEND,
        count,
        first.enrolment.client,
        measure_key(first),
        measures=measures,
        therapist=therapist,
    )
    if not therapist.is_active:
        return altered(base, SKIP, "the therapist's login is switched off")
    if StaffOptOut.objects.filter(user=therapist).exists():
        return altered(base, SKIP, "the therapist chose no overdue-measure emails")
    midnight = dt.datetime.combine(now.astimezone(zone).date(), dt.time(), tzinfo=zone)
    earlier = ReminderLog.objects.filter(
        kind=ReminderKind.MEASURES_OVERDUE,
        staff_recipient=therapist,
        outcome=Outcome.SENT,
        decided_at__gte=midnight,
    )
    if earlier.exists():
        tomorrow = midnight + dt.timedelta(days=1)
        until = config.quiet.next_allowed(tomorrow.astimezone(dt.UTC), zone)
        return altered(base, WAIT, "one overdue-measure email a day; one went today", until)
    return timed(base, now, zone, config.quiet, now + dt.timedelta(days=1))
