"""The safety screen of a planned session: run the screen (``safety.services.run_screen``) for
the session's day and keep it with the session, so the session page shows what was decided."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.programmes.models import PlannedSession, SessionStatus
from msrelief.programmes.services._common import staff_client
from msrelief.safety import services as safety
from msrelief.safety.models import Screen

# Decisions after which the session may go ahead (with the adaptations for ADAPT).
GOES_AHEAD = {"GO", "ADAPT"}


@transaction.atomic
def screen_session(actor: User, session: PlannedSession, today: dict[str, Any]) -> Screen:
    """Screen the client for ``session`` with the day's answers and link the screen to it; a
    session already screened keeps its screen unless it is screened again (a new screen then
    replaces the link, and both stay stored)."""
    staff_client(actor, session.enrolment.client)
    locked = PlannedSession.objects.select_for_update().get(pk=session.pk)
    if locked.status in (SessionStatus.CANCELLED, SessionStatus.NO_SHOW):
        raise ValidationError(f"This session is {locked.status_text.lower()}: it needs no screen.")
    screen = safety.run_screen(actor, locked.enrolment.client, locked.local_date, today)
    locked.screen = screen
    locked.save(update_fields=["screen"])
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.enrolment.clinic,
        changes={"fields": ["screen"], "outcome": screen.outcome},
        event="session.screened",
    )
    return screen


def may_go_ahead(session: PlannedSession) -> tuple[bool, str]:
    """Whether the session's screen allows hands-on work, and if not, why (for the page)."""
    screen = session.screen
    if screen is None:
        return False, "Screen the client before the session."
    if not screen.decision:
        return False, "Record your decision on the screen's result first."
    if screen.decision not in GOES_AHEAD:
        return False, f"The decision after the screen was: {screen.get_decision_display()}."
    return True, ""
