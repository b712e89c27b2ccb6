""" "Is it still true?", asked twice: in the transaction that queues a reminder (the rows read
again, locked), and by the worker just before the email leaves (``notifications.withdrawal``),
since a retry may come hours later. A session cancelled or moved, a questionnaire done or
cancelled, a diary filled in (or its day over), a client who opted out or whose address was
removed: the reminder is withdrawn and its log says why. A try that would land in quiet
hours waits for them to end."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from msrelief.clients.models import Client
from msrelief.instruments.diary.models import DiaryPlan
from msrelief.instruments.models import Administration, Status
from msrelief.notifications.models import Message
from msrelief.notifications.withdrawal import GO, Verdict
from msrelief.programmes.models import PlannedSession, ScheduledMeasure, SessionStatus
from msrelief.programmes.reminders import diary_rules, rules
from msrelief.programmes.reminders.models import Outcome, ReminderKind, ReminderLog, StaffOptOut


def session_reason(session_id: int | None, key: str, now: dt.datetime) -> str:
    """Why the reminder ``key`` of this session should not go at ``now``, or ""."""
    if session_id is None:
        return "the session no longer exists"
    session = (
        PlannedSession.objects.select_for_update()
        .select_related("enrolment__client")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        return "the session no longer exists"
    if session.status != SessionStatus.PLANNED:
        return f"the session is {session.status_text.lower()}"
    if rules.session_key(session) != key:
        return "the session was moved to another time"
    if session.starts_at <= now:
        return "the session has begun"
    return rules.client_refusal(Client.objects.get(pk=session.enrolment.client_id))


def administration_reason(administration_id: int | None) -> str:
    """Why a reminder of this questionnaire should not go, or ""."""
    if administration_id is None:
        return "the questionnaire no longer exists"
    administration = Administration.objects.select_for_update().filter(pk=administration_id).first()
    if administration is None:
        return "the questionnaire no longer exists"
    if administration.status == Status.COMPLETED:
        return "the questionnaire is done"
    if administration.status == Status.CANCELLED:
        return "the questionnaire was cancelled"
    return rules.client_refusal(Client.objects.get(pk=administration.client_id))


def diary_reason(plan_id: int | None, key: str, now: dt.datetime) -> str:
    """Why the reminder ``key`` of this diary should not go at ``now``, or "". The diary is
    locked, as a check-in locks it: a check-in and this look cannot pass each other."""
    plan = (
        # Only the diary's row is locked: PostgreSQL cannot lock the nullable side of the outer
        # join to the client's login.
        DiaryPlan.objects.select_for_update(of=("self",))
        .select_related("client__user")
        .filter(pk=plan_id or 0)
        .first()
    )
    day = diary_rules.day_of_key(key)
    if plan is None or day is None:
        return "the symptom diary no longer exists"
    if not plan.wants_reminder:
        return "the client no longer wants a diary reminder"
    zone = plan.client.zone
    if now.astimezone(zone).date() != day:
        return f"the diary's day ({rules.day_in_words(day)}) is over"
    if diary_rules.done_on(plan.pk, day, zone):
        return f"the diary of {rules.day_in_words(day)} is already filled in"
    return diary_rules.way_in_refusal(plan) or rules.client_refusal(plan.client)


def overdue_reason(measure_ids: list[int], therapist_id: int | None) -> str:
    """Why an overdue-measure email should not go: all its measures are closed, or the
    therapist opted out."""
    if therapist_id is None or StaffOptOut.objects.filter(user_id=therapist_id).exists():
        return "the therapist chose no overdue-measure emails"
    still_open = ScheduledMeasure.objects.filter(
        pk__in=measure_ids, administration__status__in=rules.OPEN
    )
    return "" if still_open.exists() else "every measure it lists is done or cancelled"


def log_reason(log: ReminderLog, now: dt.datetime) -> str:
    if log.kind == ReminderKind.SESSION:
        return session_reason(log.session_id, log.about_key, now)
    if log.kind == ReminderKind.DIARY:
        return diary_reason(diary_rules.plan_of_key(log.about_key), log.about_key, now)
    return administration_reason(log.administration_id)


def message_verdict(message: Message, now: dt.datetime) -> Verdict:
    """The worker's last look at a queued reminder (registered for each reminder kind)."""
    logs = list(ReminderLog.objects.filter(message=message, outcome=Outcome.SENT))
    if not logs:
        return GO
    first = logs[0]
    if first.kind == ReminderKind.MEASURES_OVERDUE:
        ids = [log.measure_id for log in logs if log.measure_id is not None]
        reason = overdue_reason(ids, first.staff_recipient_id)
        zone = ZoneInfo(settings.TIME_ZONE)
    else:
        reason = log_reason(first, now)
        zone = first.client.zone
    if reason:
        ReminderLog.objects.filter(pk__in=[log.pk for log in logs]).update(
            outcome=Outcome.WITHDRAWN, reason=f"not sent after all: {reason}"[:300]
        )
        return Verdict(withdraw=reason)
    until = settings.QUIET_HOURS.next_allowed(now, zone)
    return Verdict(not_before=until) if until > now else GO
