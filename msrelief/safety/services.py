"""Doing a pre-session screen and recording the therapist's decision: the two writes of the
safety app. Each checks that the actor is staff of the client's clinic, runs in one transaction
and writes its audit event (which names what was done, never the answers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.instruments.models import SignalSource
from msrelief.instruments.services import raise_signal
from msrelief.safety import from_history
from msrelief.safety.models import STRICTNESS, Outcome, Screen
from msrelief.screening import AnswersError, screen_json

URGENCY_WORDS = {
    "emergency_999": "an emergency: call 999",
    "urgent_same_day": "urgent, today",
    "ms_team": "the client's MS team, soon",
}


def _staff_client(actor: User, client: Client) -> Client:
    return permissions.staff_client(
        actor, client, "Only clinic staff can screen a client before a session."
    )


def _json_ready(answers: dict[str, Any]) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return {key: plain(value) for key, value in answers.items()}


@transaction.atomic
def run_screen(actor: User, client: Client, on: dt.date, today: dict[str, Any]) -> Screen:
    """Screen ``client`` for a session on ``on``: the answers of the day (``today``, screen
    answer keys) together with what the dated history holds, which the day's answers cannot
    contradict (change the history to correct it). Stores and audits the screen; a REFER
    raises a safety signal for the therapist."""
    client = _staff_client(actor, client)
    history = {fact.key: fact.value for fact in from_history.facts(client, on)}
    given = {k: v for k, v in today.items() if v not in (None, "", [], False)}
    answers = {**history, **given, "date": on}
    try:
        result = screen_json(_json_ready(answers))
    except AnswersError as error:
        raise ValidationError(dict(error.problems)) from None
    screen = Screen.objects.create(
        clinic=client.clinic,
        client=client,
        on=on,
        performed_by=actor,
        today=_json_ready(given),
        from_history=_json_ready(history),
        ruleset_version=result["ruleset_version"],
        outcome=result["outcome"],
        urgency=result.get("urgency") or "",
        result=result,
    )
    audit.record(
        actor,
        Action.CREATE,
        screen,
        clinic=client.clinic,
        changes={"outcome": screen.outcome, "rules": [r["id"] for r in screen.rules]},
        event="screen.recorded",
    )
    if screen.outcome == Outcome.REFER:
        titles = "; ".join(r["title"] for r in screen.rules if r["outcome"] == "REFER")
        raise_signal(
            client,
            f"screen-refer-{screen.urgency or 'unspecified'}",
            f"The pre-session screen of {on:%d %b %Y} said REFER "
            f"({URGENCY_WORDS.get(screen.urgency, 'urgency not given')}): {titles}.",
            source=", ".join(c for r in screen.rules for c in r["citations"]),
            title="a pre-session screen said refer",
            detail="No session should go ahead today; the client may need help from others.",
            source_kind=SignalSource.SCREEN,
        )
    return screen


@transaction.atomic
def decide(actor: User, screen: Screen, decision: str, reason: str = "") -> Screen:
    """Record what the therapist decided after seeing the screen. A decision milder than the
    screen's outcome (going ahead after DEFER or REFER, or without the adaptations) needs a
    written reason; the decision is recorded once."""
    _staff_client(actor, screen.client)
    locked = Screen.objects.select_for_update().get(pk=screen.pk)
    if locked.decision:
        raise ValidationError("The decision for this screen has already been recorded.")
    if decision not in Outcome.values:
        raise ValidationError({"decision": "Choose one of the decisions listed."})
    milder = STRICTNESS[Outcome(decision)] < STRICTNESS[Outcome(locked.outcome)]
    if milder and not reason.strip():
        raise ValidationError(
            {"reason": f"Say why you are going against the screen's {locked.outcome}."}
        )
    locked.decision = decision
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.override_reason = reason.strip() if milder else ""
    locked.save(update_fields=["decision", "decided_by", "decided_at", "override_reason"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"decision": decision, "overridden": milder},
        event="screen.overridden" if milder else "screen.decided",
    )
    return locked


def view_screen(actor: User, pk: int | str) -> Screen:
    """One screen for staff of its clinic, recording the read; 404 for anyone else."""
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied("Only clinic staff can see a screen.")
    try:
        found = Screen.objects.select_related("client", "performed_by", "decided_by").get(
            pk=int(pk), clinic=actor.clinic
        )
    except (ValueError, OverflowError, Screen.DoesNotExist):
        raise Http404("No such screen.") from None
    audit.record(actor, Action.VIEW, found, clinic=found.clinic, event="screen.viewed")
    return found
