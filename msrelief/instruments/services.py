"""Every write about outcome measures: assigning a questionnaire, saving a draft, submitting,
correcting, and acknowledging a safety flag. Each checks permission, runs in one transaction,
validates everything before saving anything, and writes the audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts import permissions
from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients.models import Client
from msrelief.instruments import importing, rendering, tokens
from msrelief.instruments.models import (
    Administration,
    ClinicQuestionnaire,
    Layout,
    Response,
    SafetyFlag,
    Score,
    Status,
    Via,
)
from msrelief.lib.limits import MAX_SCHEDULE_DAYS
from msrelief.scoring import ScoreResult, ScoringError, get_definition, score
from msrelief.scoring.definition import Definition

Answers = dict[str, float]


def _staff_client(actor: User, client: Client) -> Client:
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied("Only clinic staff can do this.")
    return permissions.get_client_or_404(actor, client.pk)


def _definition(code: str, version: str | None = None) -> Definition:
    try:
        return get_definition(code, version)
    except KeyError as error:
        raise ValidationError({"instrument": str(error.args[0])}) from None


@transaction.atomic
def assign_instrument(
    actor: User,
    client: Client,
    code: str,
    *,
    available_from: dt.date | None = None,
    layout: str = Layout.AUTO,
    email_client: bool = False,
) -> tuple[Administration, str]:
    """Give ``client`` a questionnaire to fill in, now or from ``available_from``.

    Returns the administration and the link's token; the token is not stored (only its hash),
    so this is the only moment it can be shown or sent.
    """
    client = _staff_client(actor, client)
    definition = _definition(code)
    start = available_from or timezone.localdate()
    _check_assignable(client, definition, start, email_client)
    token = tokens.new_token()
    expires = timezone.make_aware(dt.datetime.combine(start, dt.time.max)) + dt.timedelta(
        days=settings.QUESTIONNAIRE_LINK_DAYS
    )
    administration = Administration.objects.create(
        clinic=client.clinic,
        client=client,
        instrument_code=definition.code,
        instrument_version=definition.version,
        assigned_by=actor,
        available_from=start,
        layout=layout,
        token_hash=tokens.hash_token(token),
        token_expires_at=expires,
    )
    audit.record(
        actor,
        Action.CREATE,
        administration,
        clinic=client.clinic,
        changes={"instrument": definition.key, "emailed": email_client},
    )
    if email_client:
        _email_link(client, definition, token, expires)
    return administration, token


def _check_assignable(
    client: Client, definition: Definition, start: dt.date, email_client: bool
) -> None:
    """Why this questionnaire cannot be sent to this client this way, as a ValidationError."""
    if not rendering.can_be_shown(client.clinic_id, definition):
        raise ValidationError(
            {
                "instrument": f"{definition.title} is licensed: its questions are not shipped. "
                "A clinic admin can import your clinic's licensed wording for it (Licensed "
                "wording), or you can enter the answers yourself from the paper form."
            }
        )
    if start < timezone.localdate():
        raise ValidationError({"available_from": "The start date cannot be in the past."})
    if start > timezone.localdate() + dt.timedelta(days=MAX_SCHEDULE_DAYS):
        limit = f"The start date can be at most {MAX_SCHEDULE_DAYS} days from today."
        raise ValidationError({"available_from": limit})
    if email_client and not client.email:
        raise ValidationError({"email_client": "This client has no email address on record."})


def link_url(token: str) -> str:
    return settings.BASE_URL + reverse("fill-start", kwargs={"token": token})


def _email_link(client: Client, definition: Definition, token: str, expires: dt.datetime) -> None:
    local = timezone.localtime(expires)
    send_mail(
        f"A questionnaire from {client.clinic.name}",
        f"Your therapist at {client.clinic.name} has asked you to fill in a short "
        f"questionnaire ({definition.spec.short_title}).\n\n"
        f"Open this link to start. You can stop and carry on later with the same link:\n"
        f"{link_url(token)}\n\n"
        f"The link works until {local:%d %B %Y} and stops working once you submit.\n",
        None,
        [client.email],
    )


@transaction.atomic
def cancel_administration(actor: User, administration: Administration) -> None:
    _staff_client(actor, administration.client)
    if not administration.is_open:
        raise ValidationError("Only a questionnaire that has not been submitted can be cancelled.")
    administration.status = Status.CANCELLED
    administration.save(update_fields=["status"])
    audit.record(
        actor,
        Action.UPDATE,
        administration,
        clinic=administration.clinic,
        changes={"fields": ["status"]},
    )


def _check_answers(definition: Definition, answers: Answers) -> ScoreResult:
    """Score ``answers``; a problem becomes a ValidationError that the page can show."""
    try:
        return score(definition, answers)
    except ScoringError as error:
        raise ValidationError(str(error)) from None


@transaction.atomic
def save_draft(administration: Administration, answers: Answers, actor: User | None) -> None:
    """Keep answers given so far, so the client can stop and carry on later."""
    administration = Administration.objects.select_for_update().get(pk=administration.pk)
    if not administration.is_open:
        raise ValidationError("This questionnaire has already been submitted.")
    definition = get_definition(administration.instrument_code, administration.instrument_version)
    unknown = sorted(set(answers) - set(definition.item_ids))
    if unknown:
        raise ValidationError(f"Unknown items: {', '.join(unknown)}")
    administration.draft = {**administration.draft, **answers}
    administration.draft_saved_at = timezone.now()
    administration.status = Status.IN_PROGRESS
    administration.save(update_fields=["draft", "draft_saved_at", "status"])
    audit.record(
        actor,
        Action.UPDATE,
        administration,
        clinic=administration.clinic,
        changes={"fields": ["draft"], "items": sorted(answers)},
    )


@transaction.atomic
def clear_draft_answer(administration: Administration, link_id: str, actor: User | None) -> None:
    """Forget one answer of the draft (the client chose to leave the question unanswered)."""
    administration = Administration.objects.select_for_update().get(pk=administration.pk)
    if administration.is_open and link_id in administration.draft:
        administration.draft = {k: v for k, v in administration.draft.items() if k != link_id}
        administration.save(update_fields=["draft"])
        audit.record(
            actor,
            Action.UPDATE,
            administration,
            clinic=administration.clinic,
            changes={"fields": ["draft"], "cleared": [link_id]},
        )


@transaction.atomic
def submit_response(administration: Administration, actor: User | None, via: str) -> Response:
    """Submit the draft as the client's response: scored, stored, and never changed after."""
    administration = Administration.objects.select_for_update().get(pk=administration.pk)
    if not administration.is_open:
        raise ValidationError("This questionnaire has already been submitted.")
    definition = get_definition(administration.instrument_code, administration.instrument_version)
    answers = {k: float(v) for k, v in administration.draft.items()}
    result = _check_answers(definition, answers)
    response = _store(
        administration.client,
        definition,
        answers,
        result,
        actor,
        via,
        administration=administration,
    )
    # Single use: the link now opens only the "already submitted" page (the hash is kept so
    # that the page can say so, rather than claiming the link never existed).
    administration.status = Status.COMPLETED
    administration.completed_at = response.submitted_at
    administration.save(update_fields=["status", "completed_at"])
    return response


@transaction.atomic
def enter_response(
    actor: User, client: Client, code: str, answers: Answers, completed_on: dt.date | None = None
) -> Response:
    """A therapist records a response themselves (a walk test, or a paper form), optionally
    completed on an earlier day (stored at midday local time of ``completed_on``)."""
    client = _staff_client(actor, client)
    definition = _definition(code)
    when = timezone.now()
    if completed_on is not None:
        if completed_on > timezone.localdate():
            raise ValidationError({"completed_on": "The date cannot be in the future."})
        if completed_on < timezone.localdate():
            when = timezone.make_aware(dt.datetime.combine(completed_on, dt.time(12)))
    result = _check_answers(definition, answers)
    return _store(client, definition, answers, result, actor, Via.STAFF, submitted_at=when)


@transaction.atomic
def correct_response(actor: User, original: Response, answers: Answers, reason: str) -> Response:
    """Record corrected answers as a new version of ``original``, which stays as it was."""
    _staff_client(actor, original.client)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the answers are being corrected."})
    if not original.is_current:
        raise ValidationError("Only the latest version of a response can be corrected.")
    definition = get_definition(original.instrument_code, original.instrument_version)
    result = _check_answers(definition, answers)
    return _store(
        original.client,
        definition,
        answers,
        result,
        actor,
        Via.STAFF,
        supersedes=original,
        reason=reason.strip(),
    )


def _store(
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
) -> Response:
    response = Response.objects.create(
        submitted_at=submitted_at or timezone.now(),
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
            **({"supersedes": supersedes.pk, "reason": reason} if supersedes else {}),
        },
    )
    for alert in result.alerts:
        _raise_flag(response, alert.code, alert.message, definition)
    return response


def store_score(response: Response, result: ScoreResult) -> Score:
    return Score.objects.create(
        response=response,
        scoring_version=result.version,
        total=result.total,
        subscales=result.subscales,
        band=result.band or "",
        missing=result.missing,
        prorated=result.prorated,
    )


def _raise_flag(response: Response, code: str, message: str, definition: Definition) -> None:
    source = next((r.source for r in definition.spec.scoring.safety if r.code == code), "")
    flag = SafetyFlag.objects.create(
        clinic=response.clinic,
        client=response.client,
        response=response,
        code=code,
        message=message,
        source=source,
    )
    audit.record(None, Action.CREATE, flag, clinic=response.clinic, changes={"code": code})
    therapist = response.client.therapist
    url = settings.BASE_URL + reverse("clients-detail", args=[response.client_id])
    transaction.on_commit(
        lambda: send_mail(
            "msrelief: a questionnaire answer needs your attention now",
            f"A response from one of your clients raised a safety flag ({code}). It may mean "
            f"thoughts of self-harm. The client was shown where to get help straight away.\n\n"
            f"Please review it and contact the client today:\n{url}\n",
            None,
            [therapist.email],
        )
    )


@transaction.atomic
def acknowledge_flag(actor: User, flag: SafetyFlag, note: str) -> SafetyFlag:
    """A clinician records that they have seen the flag and what they did."""
    _staff_client(actor, flag.client)
    if flag.acknowledged_at is not None:
        raise ValidationError("This flag has already been acknowledged.")
    if not note.strip():
        raise ValidationError({"note": "Say what you did, for example 'phoned the client'."})
    flag.acknowledged_by = actor
    flag.acknowledged_at = timezone.now()
    flag.acknowledgement_note = note.strip()
    flag.save(update_fields=["acknowledged_by", "acknowledged_at", "acknowledgement_note"])
    audit.record(
        actor,
        Action.UPDATE,
        flag,
        clinic=flag.clinic,
        changes={"fields": ["acknowledged_at", "acknowledgement_note"]},
    )
    return flag


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
            result = score(definition, {k: float(v) for k, v in response.answers.items()})
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
            )
        counts["scored"] += 1
    return counts


def answers_from(data: dict[str, Any]) -> Answers:
    """``{"item_3": "2"}`` form data to ``{"3": 2.0}``, leaving out blanks."""
    return {
        key.removeprefix("item_"): float(value)
        for key, value in data.items()
        if key.startswith("item_") and value not in (None, "")
    }


def view_client_measures(actor: User, pk: int | str) -> Client:
    """Fetch a client for their measures page, recording the read (404 outside the clinic)."""
    client = permissions.get_client_or_404(actor, pk)
    audit.record(actor, Action.VIEW, client, clinic=client.clinic, changes={"section": "measures"})
    return client


def view_response(actor: User, pk: int | str) -> Response:
    """Fetch one response for staff of its clinic, recording the read; 404 for anyone else."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic_id is None:
        raise Http404("No such response")
    found = (
        Response.objects.select_related("client", "clinic")
        .filter(pk=_int_or_404(pk), clinic_id=actor.clinic_id)
        .first()
    )
    if found is None:
        raise Http404("No such response")
    audit.record(actor, Action.VIEW, found, clinic=found.clinic)
    return found


def _int_or_404(value: int | str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("No such response") from None


@transaction.atomic
def import_clinic_questionnaire(
    actor: User, code: str, questionnaire: Any, licence_note: str
) -> ClinicQuestionnaire:
    """Store a clinic's licensed wording for a scoring-only instrument (replacing an earlier
    import of the same version). Only a clinic admin may do this."""
    if not actor.is_authenticated or not actor.is_clinic_admin or actor.clinic is None:
        raise PermissionDenied("Only a clinic admin can import licensed questionnaire text.")
    definition = _definition(code)
    if not licence_note.strip():
        raise ValidationError({"licence_note": "Say which licence lets your clinic use this text."})
    problems = importing.problems_with(questionnaire, definition)
    if problems:
        raise ValidationError({"questionnaire": problems})
    stored, created = ClinicQuestionnaire.objects.update_or_create(
        clinic=actor.clinic,
        instrument_code=definition.code,
        instrument_version=definition.version,
        defaults={
            "questionnaire": questionnaire,
            "licence_note": licence_note.strip(),
            "imported_by": actor,
            "imported_at": timezone.now(),
        },
    )
    audit.record(
        actor,
        Action.CREATE if created else Action.UPDATE,
        stored,
        clinic=actor.clinic,
        changes={"instrument": definition.key},
    )
    return stored
