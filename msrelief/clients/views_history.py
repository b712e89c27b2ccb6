"""The client's dated history: add, change and remove entries of each kind, and the timeline.
Thin views over ``clients.history_services``; every page fetches the client through
``clients.permissions``, so another clinic's client is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from msrelief.clients import history_services as history
from msrelief.clients import permissions, timeline
from msrelief.clients.history_forms import TITLES, form_for
from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted


def _kind(kind: str) -> str:
    if kind not in history.KINDS:
        raise Http404("No such kind of history entry.")
    return kind


def _entry(client_pk: int, kind: str, pk: int, request: AuthenticatedRequest) -> models.Model:
    client = permissions.get_client_or_404(request.user, client_pk)
    model = history.KINDS[_kind(kind)][0]
    try:
        return model._default_manager.get(pk=pk, client=client)
    except (model.DoesNotExist, ValueError, OverflowError):  # type: ignore[attr-defined]
        raise Http404("No such entry.") from None


def _form_page(
    request: AuthenticatedRequest, client: object, kind: str, form: object, entry: object = None
) -> HttpResponse:
    context = {
        "client": client,
        "kind": kind,
        "form": form,
        "entry": entry,
        "title": TITLES[kind][0],
    }
    status = 400 if getattr(form, "errors", None) else 200
    return render(request, "clients/history_form.html", context, status=status)


@staff_required
def add(request: AuthenticatedRequest, pk: int, kind: str) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    form = form_for(_kind(kind))(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            history.add_entry(request.user, client, kind, form.cleaned_data)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(
                request, f"{TITLES[kind][0]} added to {client.display_name}'s history."
            )
            return redirect("clients-detail", pk=client.pk)
    return _form_page(request, client, kind, form)


@staff_required
def change(request: AuthenticatedRequest, pk: int, kind: str, entry_pk: int) -> HttpResponse:
    entry = _entry(pk, kind, entry_pk, request)
    form = form_for(kind)(_posted(request), instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            history.change_entry(request.user, entry, form.cleaned_data)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"{TITLES[kind][0]} saved.")
            return redirect("clients-detail", pk=pk)
    return _form_page(request, entry.client, kind, form, entry)  # type: ignore[attr-defined]


@staff_required
def remove(request: AuthenticatedRequest, pk: int, kind: str, entry_pk: int) -> HttpResponse:
    entry = _entry(pk, kind, entry_pk, request)
    if request.method == "POST":
        history.remove_entry(request.user, entry)
        messages.success(request, f"{TITLES[kind][0]} removed from the history.")
        return redirect("clients-detail", pk=pk)
    context = {"client": entry.client, "kind": kind, "entry": entry, "title": TITLES[kind][0]}  # type: ignore[attr-defined]
    return render(request, "clients/history_remove.html", context)


@staff_required
def client_timeline(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    return render(
        request, "clients/timeline.html", {"client": client, "events": timeline.events(client)}
    )
