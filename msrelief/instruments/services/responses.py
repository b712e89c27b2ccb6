"""Responses: storing one with its score and any safety flag, staff entering or correcting
one, and re-scoring under a new scoring version."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client
from msrelief.instruments.models import Administration, Response, Score, Via
from msrelief.instruments.services._common import Answers, staff_client
from msrelief.instruments.services.flags import raise_flag
from msrelief.scoring import (
    ScoreResult,
    ScoringError,
    get_definition,
    get_definition_for_entry,
    score,
)
from msrelief.scoring.definition import Definition


def _definition_for_entry(code: str) -> Definition:
    """``code@version``, or a code alone when the instrument has one version (a response typed
    in from a paper form must say which version of the form it was)."""
    try:
        return get_definition_for_entry(code)
    except KeyError as error:
        raise ValidationError({"instrument": str(error.args[0])}) from None
    except ScoringError as error:
        raise ValidationError({"instrument": str(error)}) from None


def check_answers(definition: Definition, answers: Answers) -> ScoreResult:
    """Score ``answers``; an answer the instrument does not allow becomes a ValidationError that
    the page can show. Too few answers for a score is not an error: the response is kept, and
    its score says "not scored" and why (``ScoreResult.shortfalls``)."""
    try:
        return score(definition, answers, allow_unscored=True)
    except ScoringError as error:
        raise ValidationError(str(error)) from None


@transaction.atomic
def enter_response(
    actor: User, client: Client, code: str, answers: Answers, completed_on: dt.date | None = None
) -> Response:
    """A therapist records a response themselves (a walk test, or a paper form), optionally
    completed on an earlier day (stored at midday local time of ``completed_on``)."""
    client = staff_client(actor, client)
    definition = _definition_for_entry(code)
    when = timezone.now()
    if completed_on is not None:
        if completed_on > timezone.localdate():
            raise ValidationError({"completed_on": "The date cannot be in the future."})
        if client.year_of_birth and completed_on.year < client.year_of_birth:
            raise ValidationError(
                {
                    "completed_on": "The date cannot be before the client was born "
                    f"({client.year_of_birth})."
                }
            )
        if completed_on < timezone.localdate():
            when = timezone.make_aware(dt.datetime.combine(completed_on, dt.time(12)))
    result = check_answers(definition, answers)
    return store(client, definition, answers, result, actor, Via.STAFF, submitted_at=when)


@transaction.atomic
def correct_response(actor: User, original: Response, answers: Answers, reason: str) -> Response:
    """Record corrected answers as a new version of ``original``, which stays as it was.
    The original is locked, so two corrections of one response cannot both be saved."""
    staff_client(actor, original.client)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the answers are being corrected."})
    locked = Response.objects.select_for_update().get(pk=original.pk)
    if not locked.is_current:
        raise ValidationError("Only the latest version of a response can be corrected.")
    definition = get_definition(locked.instrument_code, locked.instrument_version)
    result = check_answers(definition, answers)
    return store(
        locked.client,
        definition,
        answers,
        result,
        actor,
        Via.STAFF,
        supersedes=locked,
        reason=reason.strip(),
    )


def store(
    client: Client,
    definition: Definition,
    answers: Answers,
    result: ScoreResult,
    actor: User | None,
    via: str,
    *,
    administration: Administration | None = None,
    supersedes: Response | None = None,
    reason: str = "",
    submitted_at: dt.datetime | None = None,
    key: str = "",
) -> Response:
    """Store a response, its score, its audit event and any safety flag it raises (called
    inside the caller's transaction)."""
    submitted_at = submitted_at or timezone.now()
    response = Response.objects.create(
        submitted_at=submitted_at,
        answered_at=supersedes.answered_at if supersedes is not None else submitted_at,
        clinic=client.clinic,
        client=client,
        administration=administration,
        instrument_code=definition.code,
        instrument_version=definition.version,
        answers={k: answers[k] for k in sorted(answers)},
        submitted_by=actor,
        via=via,
        supersedes=supersedes,
        correction_reason=reason,
        submission_key=key,
    )
    store_score(response, result)
    audit.record(
        actor,
        Action.CREATE,
        response,
        clinic=client.clinic,
        changes={
            "instrument": definition.key,
            "via": via,
            **({"supersedes": supersedes.pk} if supersedes else {}),
        },
        event=_response_event(via, supersedes),
    )
    for alert in result.alerts:
        raise_flag(response, alert.code, alert.message, definition)
    return response


def _response_event(via: str, supersedes: Response | None) -> str:
    if supersedes is not None:
        return "response.corrected"
    return "response.entered" if via == Via.STAFF else "response.submitted"


def store_score(response: Response, result: ScoreResult) -> Score:
    return Score.objects.create(
        response=response,
        scoring_version=result.version,
        total=result.total,
        subscales=result.subscales,
        band=result.band or "",
        missing=result.missing,
        prorated=result.prorated,
        shortfalls=[shortfall.to_dict() for shortfall in result.shortfalls],
    )


def rescore_all(actor_label: str = "rescore command") -> dict[str, int]:
    """Score every response under its definition's current scoring version, keeping old scores.

    Returns counts of responses newly scored and already up to date.
    """
    counts = {"scored": 0, "up_to_date": 0, "failed": 0}
    for response in Response.objects.all().iterator():
        definition = get_definition(response.instrument_code, response.instrument_version)
        if response.scores.filter(scoring_version=definition.scoring_version).exists():
            counts["up_to_date"] += 1
            continue
        try:
            answers = {k: float(v) for k, v in response.answers.items()}
            result = score(definition, answers, allow_unscored=True)
        except ScoringError:
            counts["failed"] += 1
            continue
        with transaction.atomic():
            stored = store_score(response, result)
            audit.record(
                None,
                Action.CREATE,
                stored,
                clinic=response.clinic,
                changes={"scoring_version": result.version, "by": actor_label},
                event="score.computed",
            )
        counts["scored"] += 1
    return counts
