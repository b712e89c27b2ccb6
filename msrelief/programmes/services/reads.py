"""Audited reads: the plan page and the session page fetch their rows through these, which
record the read in the audit trail and answer 404 outside the actor's clinic."""

from __future__ import annotations

from django.http import Http404

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.programmes.models import Enrolment, PlannedSession
from msrelief.programmes.services._common import require_staff


def _pk(value: int | str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("No such record") from None


def enrolment_or_404(actor: User, pk: int | str) -> Enrolment:
    clinic_id = require_staff(actor)
    found = (
        Enrolment.objects.select_related("client", "template", "therapist", "clinic")
        .filter(pk=_pk(pk), clinic_id=clinic_id)
        .first()
    )
    if found is None:
        raise Http404("No such enrolment")
    return found


def session_or_404(actor: User, pk: int | str) -> PlannedSession:
    clinic_id = require_staff(actor)
    found = (
        PlannedSession.objects.select_related(
            "enrolment__client",
            "enrolment__template",
            "enrolment__therapist",
            "enrolment__clinic",
        )
        .filter(pk=_pk(pk), enrolment__clinic_id=clinic_id)
        .first()
    )
    if found is None:
        raise Http404("No such session")
    return found


def view_enrolment(actor: User, pk: int | str) -> Enrolment:
    """The enrolment for its plan page, recording the read."""
    found = enrolment_or_404(actor, pk)
    audit.record(actor, Action.VIEW, found, clinic=found.clinic, event="enrolment.viewed")
    return found


def view_session(actor: User, pk: int | str) -> PlannedSession:
    """The session for its page, recording the read."""
    found = session_or_404(actor, pk)
    audit.record(actor, Action.VIEW, found, clinic=found.enrolment.clinic, event="session.viewed")
    return found
