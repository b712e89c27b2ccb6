"""Recording an adverse event. It raises a safety flag (the flag, its audit event and the alert
email to the client's responsible therapist are written in the same transaction, and the email
is sent by the outbox worker), and shows on the client's record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat, timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client
from msrelief.instruments import services as measures
from msrelief.programmes import vocab
from msrelief.programmes.models import AdverseEvent, PlannedSession
from msrelief.programmes.services._common import staff_client


@dataclass(frozen=True)
class Report:
    occurred_on: dt.date
    kind: str
    severity: str
    action_taken: str
    description: str = ""
    follow_up: str = ""


@transaction.atomic
def record_adverse_event(
    actor: User, client: Client, report: Report, session: PlannedSession | None = None
) -> AdverseEvent:
    """Record an adverse event of ``client`` (after ``session``, if given) and raise its
    safety flag."""
    client = staff_client(actor, client)
    if session is not None and session.enrolment.client_id != client.pk:
        raise ValidationError("This session is not one of this client's.")
    _check(report, session)
    event = AdverseEvent.objects.create(
        clinic=client.clinic,
        client=client,
        session=session,
        occurred_on=report.occurred_on,
        kind=report.kind,
        severity=report.severity,
        description=report.description.strip(),
        action_taken=report.action_taken.strip(),
        follow_up=report.follow_up.strip(),
        recorded_by=actor,
    )
    event.flag = measures.raise_adverse_event_flag(client, _message(event), report.severity)
    event.save(update_fields=["flag"])
    audit.record(
        actor,
        Action.CREATE,
        event,
        clinic=client.clinic,
        changes={"kind": report.kind, "severity": report.severity},
        event="adverse_event.recorded",
    )
    return event


def _check(report: Report, session: PlannedSession | None) -> None:
    errors: dict[str, str] = {}
    if report.kind not in dict(vocab.ADVERSE_EVENT_KINDS):
        errors["kind"] = "Choose what happened."
    if report.severity not in dict(vocab.SEVERITIES):
        errors["severity"] = "Choose how severe it was."
    if not report.action_taken.strip():
        errors["action_taken"] = "Say what was done about it (for example: stopped, ice, advice)."
    if report.kind == "other" and not report.description.strip():
        errors["description"] = "Describe what happened."
    if report.occurred_on > timezone.localdate():
        errors["occurred_on"] = "The date cannot be in the future."
    elif session is not None and report.occurred_on < session.local_date:
        errors["occurred_on"] = "The date cannot be before the session."
    if errors:
        raise ValidationError(errors)


def _message(event: AdverseEvent) -> str:
    day = dateformat.format(event.occurred_on, "j F Y")
    kind = vocab.label(vocab.ADVERSE_EVENT_KINDS, event.kind)
    return f"Adverse event on {day}: {kind} ({event.severity}). Action taken: {event.action_taken}"
