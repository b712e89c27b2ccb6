"""The 0-10 ratings before and after a session (pain, stiffness, stress, fatigue, relaxation):
each is a response to msrelief's NRS instrument, entered by staff through the questionnaire
service (so it is scored and audited like any response) and linked to the session."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.instruments import services as measures
from msrelief.programmes import vocab
from msrelief.programmes.models import Phase, PlannedSession, SessionRating, SessionStatus
from msrelief.programmes.services._common import staff_client

LOWEST, HIGHEST = 0, 10


def field_name(phase: str, code: str) -> str:
    """The form field of one rating: ``pre_nrs-pain``."""
    return f"{phase}_{code}"


@transaction.atomic
def record_ratings(
    actor: User, session: PlannedSession, phase: str, values: dict[str, int | None]
) -> list[SessionRating]:
    """Record the ratings given (``values`` maps an NRS code to 0-10, or None for one not
    asked) for ``phase`` (pre or post). A rating already recorded for this session and phase
    is refused, naming it: correct its response instead. Nothing is saved unless all are."""
    staff_client(actor, session.enrolment.client)
    locked = PlannedSession.objects.select_for_update().get(pk=session.pk)
    if phase not in Phase.values:
        raise ValidationError("Say whether the ratings are from before or after the session.")
    _check_session(locked)
    given = {code: value for code, value in values.items() if value is not None}
    _check_values(locked, phase, values, given)
    day = locked.local_date
    completed_on = day if day < timezone.localdate() else None
    made = []
    for code, value in given.items():
        response = measures.enter_response(
            actor, locked.enrolment.client, code, {"1": float(value)}, completed_on
        )
        rating = SessionRating.objects.create(
            session=locked, phase=phase, instrument_code=code, response=response
        )
        audit.record(
            actor,
            Action.CREATE,
            rating,
            clinic=locked.enrolment.clinic,
            changes={"phase": phase, "instrument": code},
            event="session_rating.recorded",
        )
        made.append(rating)
    return made


def _check_session(session: PlannedSession) -> None:
    if session.status in (SessionStatus.CANCELLED, SessionStatus.NO_SHOW):
        raise ValidationError(f"This session is {session.status_text.lower()}: it has no ratings.")
    if session.local_date > timezone.localdate():
        raise ValidationError("This session is on a later day: take its ratings on the day.")


def _check_values(
    session: PlannedSession, phase: str, values: dict[str, int | None], given: dict[str, int]
) -> None:
    known = dict(vocab.RATINGS)
    errors: dict[str, str] = {}
    for code in values:
        if code not in known:
            errors[field_name(phase, code)] = f"{code} is not a session rating."
    for code, value in given.items():
        if code in known and not LOWEST <= value <= HIGHEST:
            errors[field_name(phase, code)] = f"Choose a number from 0 to 10 for {known[code]}."
    done = set(
        session.ratings.filter(phase=phase, instrument_code__in=list(given)).values_list(
            "instrument_code", flat=True
        )
    )
    for code in sorted(done):
        errors[field_name(phase, code)] = (
            f"{known.get(code, code)} {Phase(phase).label.lower()} is already recorded; "
            "correct its response instead."
        )
    if not given and not errors:
        errors["__all__"] = "Choose at least one rating."
    if errors:
        raise ValidationError(errors)
