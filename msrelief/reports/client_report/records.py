"""What a client report lists besides the scores, read in a fixed number of queries: adverse
events with what was done, safety signals (flags and screens that did not say go ahead) with
their handling, the programmes with their adherence, the questionnaires sent and completed, and
the relapses and DMT periods in the report's period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.clients.models_history import DmtPeriod, Recovery, Relapse
from msrelief.instruments.models import Administration, SafetyFlag, SignalSource, Status
from msrelief.programmes import adherence, summaries
from msrelief.programmes.models import AdverseEvent, SessionNote
from msrelief.safety.models import Outcome, Screen

RECOVERY: dict[str, str] = {Recovery.UNKNOWN: "recovery not known"}


@dataclass(frozen=True)
class Handling:
    """What was done about a safety flag: its state and the staff's notes, dated."""

    state: str  # "New: needs your attention", "Acknowledged", "Resolved"
    acknowledged_on: dt.date | None
    acknowledgement: str
    resolved_on: dt.date | None
    resolution: str


@dataclass(frozen=True)
class AdverseLine:
    occurred_on: dt.date
    kind: str
    severity: str
    description: str
    action_taken: str
    follow_up: str
    handling: Handling | None


@dataclass(frozen=True)
class SignalLine:
    raised_on: dt.date
    source: str  # "A questionnaire answer", "A pre-session safety screen"
    message: str
    citation: str
    handling: Handling


@dataclass(frozen=True)
class ScreenLine:
    on: dt.date
    outcome: str
    decision: str  # the therapist's, in words; "" before it was recorded
    override_reason: str
    ruleset_version: str


@dataclass(frozen=True)
class NoGoAheadLine:
    on: dt.date  # the session's day
    version: int  # the note's version
    why: str  # why the screen had not allowed hands-on work when it was signed


@dataclass(frozen=True)
class ProgrammeLine:
    title: str
    start_date: dt.date
    status: str
    adherence: adherence.Adherence


@dataclass(frozen=True)
class Questionnaires:
    sent: int  # every questionnaire sent, but those cancelled
    completed: int
    open: int  # not started or started, not yet completed


@dataclass(frozen=True)
class HistoryLine:
    on: dt.date | None
    text: str


def _day(moment: dt.datetime | None) -> dt.date | None:
    return None if moment is None else timezone.localdate(moment)


def handling(flag: SafetyFlag) -> Handling:
    return Handling(
        flag.state_label,
        _day(flag.acknowledged_at),
        flag.acknowledgement_note,
        _day(flag.resolved_at),
        flag.resolution_note,
    )


def adverse_events(client: Client) -> list[AdverseLine]:
    rows = AdverseEvent.objects.filter(client=client).select_related("flag")
    return [
        AdverseLine(row.occurred_on, row.get_kind_display(), row.get_severity_display(),
                    row.description, row.action_taken, row.follow_up,
                    None if row.flag is None else handling(row.flag))
        for row in rows.order_by("occurred_on", "id")
    ]  # fmt: skip


def signals(client: Client) -> list[SignalLine]:
    """The safety flags not raised by an adverse event (those are told with the event)."""
    rows = SafetyFlag.objects.filter(client=client).exclude(source_kind=SignalSource.ADVERSE_EVENT)
    return [
        SignalLine(timezone.localdate(row.raised_at), row.get_source_kind_display(), row.message,
                   row.source, handling(row))
        for row in rows.order_by("raised_at", "id")
    ]  # fmt: skip


def screens(client: Client) -> list[ScreenLine]:
    """The pre-session screens whose outcome was not "go ahead", with the decision taken."""
    rows = Screen.objects.filter(client=client).exclude(outcome=Outcome.GO)
    return [
        ScreenLine(row.on, row.get_outcome_display(),
                   row.get_decision_display() if row.decision else "", row.override_reason,
                   row.ruleset_version)
        for row in rows.order_by("on", "id")
    ]  # fmt: skip


def without_go_ahead(client: Client) -> list[NoGoAheadLine]:
    """Signed session notes that record hands-on work the safety screen had not allowed."""
    rows = (
        SessionNote.objects.filter(session__enrolment__client=client)
        .exclude(without_go_ahead="")
        .select_related("session")
        .order_by("session__starts_at", "version")
    )
    return [NoGoAheadLine(r.session.local_date, r.version, r.without_go_ahead) for r in rows]


def programmes(client: Client) -> list[ProgrammeLine]:
    lines = summaries.client_enrolments(client.pk)
    return [
        ProgrammeLine(line.enrolment.template.title, line.enrolment.start_date,
                      line.enrolment.get_status_display(), line.adherence)
        for line in sorted(lines, key=lambda line: (line.enrolment.start_date, line.enrolment.pk))
    ]  # fmt: skip


def questionnaires(client: Client) -> Questionnaires:
    counts = Administration.objects.filter(client=client).aggregate(
        sent=Count("id", filter=~Q(status=Status.CANCELLED)),
        completed=Count("id", filter=Q(status=Status.COMPLETED)),
        open=Count("id", filter=Q(status__in=(Status.PENDING, Status.IN_PROGRESS))),
    )
    return Questionnaires(counts["sent"], counts["completed"], counts["open"])


def history(client: Client, start: dt.date, end: dt.date) -> list[HistoryLine]:
    """Relapses that began in [start, end] and DMT periods that overlap it."""
    lines = []
    for relapse in Relapse.objects.filter(client=client, onset__range=(start, end)):
        steroid = ""
        if relapse.steroid_start is not None:
            until = f" to {relapse.steroid_end:%d %b %Y}" if relapse.steroid_end else ""
            steroid = f"; steroid course from {relapse.steroid_start:%d %b %Y}{until}"
        recovery = RECOVERY.get(relapse.recovery) or relapse.get_recovery_display().lower()
        lines.append(HistoryLine(relapse.onset, f"Relapse began ({recovery}){steroid}"))
    overlapping = DmtPeriod.objects.filter(client=client).filter(
        Q(started__isnull=True) | Q(started__lte=end),
        Q(stopped__isnull=True) | Q(stopped__gte=start),
    )
    for period in overlapping:
        name = period.drug_other or period.get_drug_display()
        since = f"from {period.started:%d %b %Y}" if period.started else "start not known"
        until = f" to {period.stopped:%d %b %Y}" if period.stopped else ", still taking it"
        lines.append(HistoryLine(period.started, f"DMT: {name}, {since}{until}"))
    return sorted(lines, key=lambda line: line.on or dt.date.min)
