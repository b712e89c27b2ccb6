"""The reminder pass: decide what is due (``rules``), then, for each reminder to send, check
again in its own transaction with the rows locked (``withdraw``), write the email to the outbox
and log it; every reminder not sent is logged once with its reason. The dry run decides and
writes nothing.

"Never twice" holds in the database: a sent reminder's log row is unique per kind and thing
(``one_sent_reminder_per_thing``), so when two passes race, the second's transaction fails on
it and rolls back its email with it. A failed send is the outbox's to retry: the pass never
queues a reminder again once one is logged as sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from msrelief.programmes.reminders import emails, rules, withdraw
from msrelief.programmes.reminders.models import Outcome, ReminderLog
from msrelief.programmes.reminders.rules import SKIP, WAIT, Decision

SENT, WOULD_SEND, SKIPPED, WAITS, ALREADY = "sent", "would send", "skipped", "waits", "already"


@dataclass(frozen=True)
class Line:
    """What the pass did (or, in a dry run, would do) about one reminder."""

    action: str  # SENT, WOULD_SEND, SKIPPED, WAITS or ALREADY
    decision: Decision
    reason: str
    at: dt.datetime

    @property
    def zone(self) -> ZoneInfo:
        if self.decision.therapist is not None:
            return ZoneInfo(settings.TIME_ZONE)
        return self.decision.client.zone

    def text(self) -> str:
        d = self.decision
        who = f"therapist #{d.therapist.pk}" if d.therapist else f"client #{d.client.pk}"
        local = self.at.astimezone(self.zone)
        when = f"{local:%Y-%m-%d %H:%M} {self.zone.key}"
        return f"{when}  {self.action:<10}  {who:<14}  {d.kind.label}: {self.reason}"


def run_pass(now: dt.datetime | None = None, *, dry_run: bool = False) -> list[Line]:
    """Decide and act on every reminder due at ``now``; in a dry run, write nothing."""
    now = now or timezone.now()
    lines = []
    for decision in rules.decide(now):
        if decision.action == WAIT:
            assert decision.until is not None
            lines.append(Line(WAITS, decision, f"{decision.reason}; may go then", decision.until))
        elif decision.action == SKIP:
            if not dry_run:
                _log_skip(decision, decision.reason, now)
            lines.append(Line(SKIPPED, decision, decision.reason, now))
        elif dry_run:
            lines.append(Line(WOULD_SEND, decision, decision.reason, now))
        else:
            lines.append(_send(decision, now))
    return lines


def _send(decision: Decision, now: dt.datetime) -> Line:
    try:
        with transaction.atomic():
            reason = _recheck(decision, now)
            if reason:
                _log_skip(decision, reason, now)
                return Line(SKIPPED, decision, reason, now)
            message = emails.queue(decision, now)
            for log in _logs(decision, Outcome.SENT, decision.reason, now):
                log.message = message
                log.save()
    except IntegrityError:
        # Another pass sent it first; this transaction, and its email, are rolled back.
        return Line(ALREADY, decision, "sent already by another pass", now)
    return Line(SENT, decision, decision.reason, now)


def _recheck(decision: Decision, now: dt.datetime) -> str:
    """The condition read again inside the sending transaction, with its rows locked."""
    if decision.session is not None:
        return withdraw.session_reason(decision.session.pk, decision.about_key, now)
    if decision.administration is not None:
        return withdraw.administration_reason(decision.administration.pk)
    if decision.diary is not None:
        return withdraw.diary_reason(decision.diary.pk, decision.about_key, now)
    therapist_id = decision.therapist.pk if decision.therapist else None
    return withdraw.overdue_reason([m.pk for m in decision.measures], therapist_id)


def _logs(decision: Decision, outcome: str, reason: str, now: dt.datetime) -> list[ReminderLog]:
    """The unsaved log rows of a decision: one, or one per measure of an overdue email."""
    common = {
        "kind": decision.kind,
        "outcome": outcome,
        "reason": reason[:300],
        "decided_at": now,
        "session": decision.session,
        "administration": decision.administration,
        "staff_recipient": decision.therapist,
    }
    if not decision.measures:
        return [ReminderLog(client=decision.client, about_key=decision.about_key, **common)]
    return [
        ReminderLog(
            client=measure.enrolment.client,
            about_key=rules.measure_key(measure),
            measure=measure,
            **{**common, "administration": measure.administration},
        )
        for measure in decision.measures
    ]


@transaction.atomic
def _log_skip(decision: Decision, reason: str, now: dt.datetime) -> None:
    """Log a reminder not sent, once per thing and reason (the pass runs every few minutes)."""
    for log in _logs(decision, Outcome.SKIPPED, reason, now):
        logged = ReminderLog.objects.filter(
            kind=log.kind, about_key=log.about_key, outcome=Outcome.SKIPPED, reason=log.reason
        )
        if not logged.exists():
            log.save()
