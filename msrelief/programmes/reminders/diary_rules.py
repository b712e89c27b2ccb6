"""The symptom diary's reminder. A diary whose client wants a reminder is due every day (a
daily diary) or on the weekday it was started on (a weekly one); its reminder goes at the
diary time (``MSRELIEF_DIARY_REMINDER_TIME``, in the client's time zone) unless that day's
entry exists. One reminder a due day at most: its key names the diary and the day. A
reminder that could not go by the end of its day (quiet hours, a pass that did not run) is
not sent late.

A diary's standing link is not stored (only its hash), so the email cannot carry it: it links
to the diary page of the client's login (``/me/diary/``) when the client has one, and
otherwise reminds without a link (the client uses the link the clinic gave them). A diary
without a login or a working link is skipped, since the client would have no way in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db.models import Q

from msrelief.accounts.models import Role
from msrelief.clients.models import Client
from msrelief.instruments.diary.models import DiaryEntry, DiaryPlan, Frequency
from msrelief.programmes.reminders.models import ReminderKind
from msrelief.programmes.reminders.rules import (
    SEND,
    SKIP,
    WAIT,
    Config,
    Decision,
    altered,
    day_in_words,
    in_words,
    sent_keys,
    timed,
)

DIARY = ReminderKind.DIARY
NO_WAY_IN = "the client has no login and the diary link is switched off"


def diary_key(plan_id: int, day: dt.date) -> str:
    return f"diary:{plan_id}@{day.isoformat()}"


def _parts(key: str) -> tuple[str, str]:
    head, _, tail = key.partition("@")
    return (head.removeprefix("diary:"), tail) if head.startswith("diary:") else ("", "")


def plan_of_key(key: str) -> int | None:
    """The diary named by a diary reminder's key, or None for a key of another form."""
    plan = _parts(key)[0]
    return int(plan) if plan.isdigit() else None


def day_of_key(key: str) -> dt.date | None:
    """The due day named by a diary reminder's key, or None for a key of another form."""
    try:
        return dt.date.fromisoformat(_parts(key)[1])
    except ValueError:
        return None


def is_due_on(plan: DiaryPlan, day: dt.date, zone: ZoneInfo) -> bool:
    if plan.frequency == Frequency.DAILY:
        return True
    return day.weekday() == plan.started_at.astimezone(zone).weekday()


def day_bounds(day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The first instant of ``day`` in ``zone`` and the first of the day after."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start, end


def entry_of_day(day: dt.date, zone: ZoneInfo) -> Q:
    """An entry that counts as ``day``'s: recorded for that day, or filled in during it in the
    client's time zone (the two differ only when the client's zone is not the site's)."""
    start, end = day_bounds(day, zone)
    return Q(on=day) | Q(submitted_at__gte=start, submitted_at__lt=end)


def done_on(plan_id: int, day: dt.date, zone: ZoneInfo) -> bool:
    return DiaryEntry.objects.filter(entry_of_day(day, zone), plan_id=plan_id).exists()


def has_login(client: Client) -> bool:
    user = client.user
    return user is not None and user.is_active and user.role == Role.CLIENT


def way_in_refusal(plan: DiaryPlan) -> str:
    return "" if plan.has_link or has_login(plan.client) else NO_WAY_IN


def diary_decisions(now: dt.datetime, config: Config) -> list[Decision]:
    """The reminder of each diary due today in its client's time zone and not yet sent: it
    waits for the diary time, goes, or is skipped with its reason."""
    plans = (
        DiaryPlan.objects.filter(wants_reminder=True)
        .select_related("client__clinic", "client__user")
        .order_by("id")
    )
    due: list[tuple[DiaryPlan, dt.date]] = []
    for plan in plans:
        day = now.astimezone(plan.client.zone).date()
        if is_due_on(plan, day, plan.client.zone):
            due.append((plan, day))
    sent = sent_keys(DIARY, (diary_key(plan.pk, day) for plan, day in due))
    due = [(plan, day) for plan, day in due if diary_key(plan.pk, day) not in sent]
    done = _done(due)
    return [_decision(plan, day, now, config, done=plan.pk in done) for plan, day in due]


def _done(due: list[tuple[DiaryPlan, dt.date]]) -> set[int]:
    """The diaries among ``due`` whose entry of the due day exists (one query)."""
    if not due:
        return set()
    where = Q()
    for plan, day in due:
        where |= Q(plan_id=plan.pk) & entry_of_day(day, plan.client.zone)
    return set(DiaryEntry.objects.filter(where).values_list("plan_id", flat=True))


def _decision(
    plan: DiaryPlan, day: dt.date, now: dt.datetime, config: Config, *, done: bool
) -> Decision:
    client = plan.client
    zone = client.zone
    moment = dt.datetime.combine(day, config.diary_time, tzinfo=zone)
    what = f"{plan.frequency} symptom diary due on {in_words(moment, zone)}"
    base = Decision(DIARY, SEND, what, client, diary_key(plan.pk, day), diary=plan)
    if done:
        return altered(base, SKIP, f"the diary of {day_in_words(day)} is already filled in")
    refusal = way_in_refusal(plan)
    if refusal:
        return altered(base, SKIP, refusal)
    end_of_day = day_bounds(day, zone)[1]
    if now >= moment:
        return timed(base, now, zone, config.quiet, end_of_day)
    # Not its time yet: what would happen then (a skip is known now), else wait for it.
    then = timed(base, moment, zone, config.quiet, end_of_day)
    if then.action != SEND:
        return then
    at = f"{config.diary_time:%H:%M} ({zone.key})"
    return altered(base, WAIT, f"the {plan.frequency} symptom diary is due at {at}", moment)
