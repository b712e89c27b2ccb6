"""A client filling in a questionnaire: the rules for when it can be filled in, saving a page
of answers, and submitting. The pages (by link or by the client's login) check the same rules
through :func:`closed_reason` before they show anything, and these services check them again
inside the transaction, with the row locked, so a page that was open when it loaded cannot
save into a questionnaire that was cancelled, submitted or expired meanwhile."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.instruments.models import Administration, Response, Status
from msrelief.instruments.services.responses import check_answers, store
from msrelief.scoring import ScoringError, get_definition, score

# Why a questionnaire cannot be filled in: (kind, title). ``kind`` picks the explanation on
# the page that says so (instruments/fill_closed.html).
SUBMITTED = ("already_used", "This questionnaire has already been submitted")
CANCELLED = ("cancelled", "This questionnaire was cancelled")
EXPIRED = ("expired", "This link has expired")
NOT_YET = ("not_yet", "This questionnaire is not open yet")


class NotOpen(Exception):
    """The questionnaire cannot be filled in now; ``kind`` and ``title`` say why."""

    def __init__(self, reason: tuple[str, str]) -> None:
        self.kind, self.title = reason
        super().__init__(self.title)


def closed_reason(
    administration: Administration, now: dt.datetime | None = None
) -> tuple[str, str] | None:
    """Why ``administration`` cannot be filled in at ``now``, or None if it can."""
    now = now or timezone.now()
    if administration.status == Status.COMPLETED:
        return SUBMITTED
    if administration.status == Status.CANCELLED:
        return CANCELLED
    expires = administration.token_expires_at
    if expires is not None and expires < now:
        return EXPIRED
    if administration.available_from > timezone.localdate(now):
        return NOT_YET
    return None


def _locked_open(administration: Administration) -> Administration:
    locked = Administration.objects.select_for_update().get(pk=administration.pk)
    reason = closed_reason(locked)
    if reason is not None:
        raise NotOpen(reason)
    return locked


@transaction.atomic
def save_draft(
    administration: Administration, answers: dict[str, float | None], actor: User | None
) -> Administration:
    """Keep the answers given on one page, so the client can stop and carry on later.

    ``answers`` maps item numbers to a value, or to None for a question the client left
    blank (which forgets an earlier answer to it). One page save is one transaction, with the
    row locked, so two pages saved at the same moment both keep their answers.
    """
    locked = _locked_open(administration)
    definition = get_definition(locked.instrument_code, locked.instrument_version)
    unknown = sorted(set(answers) - set(definition.item_ids))
    if unknown:
        raise ValidationError(f"Unknown items: {', '.join(unknown)}")
    draft = dict(locked.draft)
    for item, value in answers.items():
        if value is None:
            draft.pop(item, None)
        else:
            draft[item] = value
    if draft == locked.draft and locked.status == Status.IN_PROGRESS:
        administration.draft = locked.draft
        return locked  # a page sent again unchanged: nothing to save or audit
    locked.draft = draft
    locked.draft_saved_at = timezone.now()
    locked.status = Status.IN_PROGRESS
    locked.save(update_fields=["draft", "draft_saved_at", "status"])
    administration.draft, administration.status = locked.draft, locked.status
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={
            "fields": ["draft"],
            "items": sorted(k for k, v in answers.items() if v is not None),
            "cleared": sorted(k for k, v in answers.items() if v is None),
        },
        event="questionnaire.draft_saved",
    )
    return locked


def needed_for_a_score(administration: Administration) -> set[str]:
    """The unanswered items of the draft without which some score cannot be worked out (the
    review page asks for them gently; the client may still send without them)."""
    definition = get_definition(administration.instrument_code, administration.instrument_version)
    answers = {k: float(v) for k, v in administration.draft.items()}
    try:
        result = score(definition, answers, allow_unscored=True)
    except ScoringError:
        return set()
    return {item for shortfall in result.shortfalls for item in shortfall.unanswered}


@transaction.atomic
def submit_response(
    administration: Administration, actor: User | None, via: str, key: str = ""
) -> Response:
    """Submit the draft as the client's response: scored, stored, and never changed after.

    ``key`` is the submission's idempotency key (the review page puts a fresh one in its
    form): the same form sent twice, by a double click or a retry after a lost connection,
    returns the response the first one stored instead of failing or storing a second.
    """
    locked = Administration.objects.select_for_update().get(pk=administration.pk)
    if key and locked.status == Status.COMPLETED:
        earlier = locked.responses.filter(submission_key=key).first()
        if earlier is not None:
            return earlier
    reason = closed_reason(locked)
    if reason is not None:
        raise NotOpen(reason)
    definition = get_definition(locked.instrument_code, locked.instrument_version)
    answers = {k: float(v) for k, v in locked.draft.items()}
    if not answers:  # an empty form sent by mistake is not a response
        raise ValidationError(
            "No question has been answered yet. Answer at least one before sending, or save "
            "and finish later."
        )
    result = check_answers(definition, answers)
    response = store(
        locked.client, definition, answers, result, actor, via, administration=locked, key=key
    )
    # Single use: the link now opens only the "already submitted" page (the hash is kept so
    # that the page can say so, rather than claiming the link never existed).
    locked.status = Status.COMPLETED
    locked.completed_at = response.submitted_at
    locked.save(update_fields=["status", "completed_at"])
    administration.status, administration.completed_at = locked.status, locked.completed_at
    return response
