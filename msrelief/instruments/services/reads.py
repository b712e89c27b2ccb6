"""Audited reads: a page that shows a client's health data fetches it through one of these,
which records the read in the audit trail (and answers 404 outside the clinic)."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.instruments.models import Response, SafetyFlag

Found = TypeVar("Found", bound=Model)


def view_client_measures(actor: User, pk: int | str, section: str = "measures") -> Client:
    """Fetch a client for one of their measures pages, recording the read."""
    client = permissions.get_client_or_404(actor, pk)
    audit.record(actor, Action.VIEW, client, clinic=client.clinic, changes={"section": section})
    return client


def view_response(actor: User, pk: int | str) -> Response:
    """Fetch one response for staff of its clinic, recording the read; 404 for anyone else."""
    found = _of_actors_clinic(Response.objects.select_related("client", "clinic"), actor, pk)
    audit.record(actor, Action.VIEW, found, clinic=found.clinic, event="response.viewed")
    return found


def view_flag(actor: User, pk: int | str) -> SafetyFlag:
    """Fetch one safety flag for staff of its clinic, recording the read; 404 for anyone else."""
    rows = SafetyFlag.objects.select_related("client", "clinic", "response")
    found = _of_actors_clinic(rows, actor, pk)
    audit.record(actor, Action.VIEW, found, clinic=found.clinic, event="safety_flag.viewed")
    return found


def _of_actors_clinic(rows: QuerySet[Found], actor: User, pk: int | str) -> Found:
    """The row ``pk`` of ``rows`` if it belongs to ``actor``'s clinic and ``actor`` is its
    staff; otherwise 404, never a hint that it exists."""
    name = rows.model._meta.verbose_name
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic_id is None:
        raise Http404(f"No such {name}")
    found = rows.filter(pk=_int_or_404(pk), clinic_id=actor.clinic_id).first()
    if found is None:
        raise Http404(f"No such {name}")
    return found


def _int_or_404(value: int | str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("No such record") from None
