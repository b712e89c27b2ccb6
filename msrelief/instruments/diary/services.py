"""Every write of the symptom diary: staff start a diary, change it, make a new standing link
or switch the link off; a client checks in. Each checks who may act, runs in one transaction
and writes its audit event; views, the demo and tests call these and nothing else writes."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client
from msrelief.clients.permissions import staff_client
from msrelief.clients.restriction import ensure_unrestricted
from msrelief.instruments import tokens
from msrelief.instruments.diary.models import DiaryEntry, DiaryPlan, Frequency, Route
from msrelief.instruments.diary.questions import CODES, FIELD_OF, HEADING_OF
from msrelief.instruments.models import Via
from msrelief.instruments.services.responses import store
from msrelief.scoring import ScoreResult, ScoringError, get_definition, score


class AlreadyDone(Exception):
    """Today's check-in exists already (another one the same day is refused); ``entry`` is it."""

    def __init__(self, entry: DiaryEntry) -> None:
        self.entry = entry
        super().__init__("Today's diary is already filled in.")


def _frequency(value: str) -> str:
    if value not in Frequency.values:
        raise ValidationError({"frequency": "Choose every day or once a week."})
    return value


@transaction.atomic
def start_diary(
    actor: User, client: Client, frequency: str, wants_reminder: bool = False
) -> tuple[DiaryPlan, str]:
    """Start ``client``'s symptom diary; returns the plan and its standing link's token, which
    is not stored (only its hash), so this is the one moment it can be shown."""
    client = staff_client(actor, client)
    ensure_unrestricted(client, "a symptom diary")
    frequency = _frequency(frequency)
    if DiaryPlan.objects.select_for_update().filter(client=client).exists():
        raise ValidationError(f"{client.display_name} already has a symptom diary.")
    token = tokens.new_token()
    plan = DiaryPlan.objects.create(
        clinic=client.clinic,
        client=client,
        frequency=frequency,
        wants_reminder=wants_reminder,
        token_hash=tokens.hash_token(token),
        link_made_at=timezone.now(),
        started_by=actor,
    )
    audit.record(
        actor,
        Action.CREATE,
        plan,
        clinic=client.clinic,
        changes={"frequency": frequency, "wants_reminder": wants_reminder},
        event="diary.started",
    )
    return plan, token


def _locked(actor: User, plan: DiaryPlan) -> DiaryPlan:
    client = staff_client(actor, plan.client)
    locked = DiaryPlan.objects.select_for_update().filter(pk=plan.pk, client=client).first()
    if locked is None:
        raise ValidationError("This diary is not this client's.")
    locked.client = client
    return locked


@transaction.atomic
def change_diary(actor: User, plan: DiaryPlan, frequency: str, wants_reminder: bool) -> DiaryPlan:
    """Change how often the diary is kept and whether the client wants a reminder."""
    locked = _locked(actor, plan)
    frequency = _frequency(frequency)
    changed = [
        name
        for name, value in (("frequency", frequency), ("wants_reminder", wants_reminder))
        if getattr(locked, name) != value
    ]
    if not changed:
        return locked
    locked.frequency, locked.wants_reminder = frequency, wants_reminder
    locked.save(update_fields=changed)
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": changed},
        event="diary.changed",
    )
    return locked


@transaction.atomic
def new_diary_link(actor: User, plan: DiaryPlan) -> tuple[DiaryPlan, str]:
    """A new standing link (shown once, like the first); the one before stops working at once."""
    locked = _locked(actor, plan)
    ensure_unrestricted(locked.client, "a new diary link")
    token = tokens.new_token()
    locked.token_hash = tokens.hash_token(token)
    locked.link_made_at = timezone.now()
    locked.save(update_fields=["token_hash", "link_made_at"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": ["token_hash", "link_made_at"]},
        event="diary.link_replaced",
    )
    return locked, token


@transaction.atomic
def revoke_diary_link(actor: User, plan: DiaryPlan) -> DiaryPlan:
    """Switch the standing link off (the client can still check in with their login)."""
    locked = _locked(actor, plan)
    if not locked.has_link:
        raise ValidationError("This diary's link is already switched off.")
    locked.token_hash = None
    locked.link_made_at = None
    locked.save(update_fields=["token_hash", "link_made_at"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"fields": ["token_hash", "link_made_at"]},
        event="diary.link_revoked",
    )
    return locked


def _checked(answers: dict[str, float | None]) -> dict[str, tuple[float, ScoreResult]]:
    """The answers given, each scored by its instrument first; every problem is named by its
    question, and nothing is saved unless all are right."""
    errors: dict[str, str] = {}
    unknown = sorted(set(answers) - set(CODES))
    if unknown:
        errors["__all__"] = f"Not a diary question: {', '.join(unknown)}."
    given = {code: value for code, value in answers.items() if value is not None}
    scored: dict[str, tuple[float, ScoreResult]] = {}
    for code, value in given.items():
        if code not in FIELD_OF:
            continue
        try:
            scored[code] = (value, score(get_definition(code), {"1": value}))
        except ScoringError:
            errors[FIELD_OF[code]] = f"Choose a number from 0 to 10 for {HEADING_OF[code].lower()}."
    if not given and not errors:
        errors["__all__"] = (
            "Nothing was chosen. Choose a number for at least one question, or leave the page "
            "without saving."
        )
    if errors:
        raise ValidationError(errors)
    return scored


@transaction.atomic
def check_in(
    plan: DiaryPlan,
    answers: dict[str, float | None],
    actor: User | None,
    route: str,
    key: str = "",
    *,
    at: dt.datetime | None = None,
) -> DiaryEntry:
    """Save one check-in: a response to each NRS instrument answered (``answers`` maps its
    code to 0-10, or None for a question left blank), scored as the instrument defines, and
    the entry that holds them, all or nothing.

    One check-in a local day: another one that day raises :class:`AlreadyDone`, unless it is
    the same form sent again (same ``key``: a double click, a retry after a lost connection),
    which returns the entry the first one saved. ``at`` is when the check-in happened (now
    unless given; the demo gives earlier times); ``actor`` is the signed-in client, or None
    by the standing link.
    """
    if route not in Route.values:
        raise ValueError(f"unknown diary route {route!r}")
    locked = DiaryPlan.objects.select_for_update().select_related("client__clinic").get(pk=plan.pk)
    when = at or timezone.now()
    day = timezone.localdate(when)
    earlier = locked.entries.filter(on=day).first()
    if earlier is not None:
        if key and earlier.submission_key == key:
            return earlier
        raise AlreadyDone(earlier)
    ensure_unrestricted(locked.client, "a diary check-in")
    given = _checked(answers)
    client = locked.client
    entry = DiaryEntry.objects.create(
        clinic=client.clinic,
        client=client,
        plan=locked,
        on=day,
        submitted_at=when,
        submitted_by=actor,
        route=route,
        submission_key=key,
    )
    responses = []
    for code in CODES:
        if code in given:
            value, result = given[code]
            definition = get_definition(code)
            answer = {"1": value}
            stored = store(
                client, definition, answer, result, actor, Via.DIARY, submitted_at=when, key=key
            )
            responses.append(stored)
    entry.responses.add(*responses)
    audit.record(
        actor,
        Action.CREATE,
        entry,
        clinic=client.clinic,
        changes={"instruments": [code for code in CODES if code in given], "route": route},
        event="diary_entry.submitted",
    )
    return entry
