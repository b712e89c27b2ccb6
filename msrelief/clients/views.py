"""Thin views: parse, call one service, respond. Client data is only ever fetched through
msrelief.clients.permissions, so another clinic's client is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render

from msrelief.clients import consent, permissions, record_cache, services
from msrelief.clients.forms import ClientForm, NewClientForm
from msrelief.core import errors, jinja
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted


def _save(form: ClientForm, save: Any) -> Any:
    """Call a service with the form's data; its validation errors go back onto the form."""
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        errors.add_to_form(form, error)
        return None


@staff_required
def client_add(request: AuthenticatedRequest) -> HttpResponse:
    form = NewClientForm(_posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():

        def save(data: dict[str, Any]) -> Any:
            fields = {k: v for k, v in data.items() if k not in ("consent_given", "consented_on")}
            return services.create_client(request.user, consented_on=data["consented_on"], **fields)

        client = _save(form, save)
        if client is not None:
            messages.success(request, f"{client.display_name} was added.")
            return redirect("clients-detail", pk=client.pk)
    context = {
        "form": form,
        "consent_text": consent.TEXTS[consent.CURRENT_VERSION],
        "consent_version": consent.CURRENT_VERSION,
    }
    return render(request, "clients/client_form.html", context, status=_status(form))


@staff_required
def client_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = record_cache.version_for(request.user)  # before the client: clients/record_cache.py
    client = services.view_client(request.user, pk)
    token = get_token(request)
    top, bottom = record_cache.parts(request, client, version, token)
    context = {
        "client": client,
        "csrf_token": token,
        "record_top": top,
        "record_bottom": bottom,
        "reminders": record_cache.reminders(client),
    }
    return jinja.render(request, "clients/client_detail.html", context)


@staff_required
def client_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = (
        services.view_client(request.user, pk)
        if request.method == "GET"
        else (permissions.get_client_or_404(request.user, pk))
    )
    form = ClientForm(_posted(request), user=request.user, instance=client)
    if request.method == "POST" and form.is_valid():
        updated = _save(form, lambda data: services.update_client(request.user, client, **data))
        if updated is not None:
            messages.success(request, f"{updated.display_name}'s record was saved.")
            return redirect("clients-detail", pk=updated.pk)
    return render(
        request, "clients/client_form.html", {"form": form, "client": client}, status=_status(form)
    )


@staff_required
def client_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    if not permissions.can_delete_client(request.user, client):
        messages.error(request, "Only the clinic admin or the responsible therapist can delete.")
        return redirect("clients-detail", pk=client.pk)
    if request.method == "POST":
        try:
            services.delete_client(request.user, client)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("clients-detail", pk=client.pk)
        messages.success(request, f"{client.display_name}'s record was deleted.")
        return redirect("clients-dashboard")
    return render(request, "clients/client_confirm_delete.html", {"client": client})


def _status(form: ClientForm) -> int:
    return 400 if form.is_bound and form.errors else 200
