"""Thin views: parse, call one service, respond. Client data is only ever fetched through
msrelief.accounts.permissions, so another clinic's client is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from msrelief.accounts import permissions
from msrelief.accounts.decorators import staff_required
from msrelief.clients import consent, services
from msrelief.clients.forms import ClientFilterForm, ClientForm, NewClientForm
from msrelief.core.http import posted as _posted
from msrelief.instruments.models import SafetyFlag

PAGE_SIZE = 25
DASHBOARD_COLUMNS = (
    "display_name", "phenotype", "edss", "therapist__full_name", "therapist__email",
)  # fmt: skip


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    # Only the columns the list shows: compiling and loading every column of both tables was a
    # good part of the page's time.
    clients = (
        permissions.clients_for(request.user).select_related("therapist").only(*DASHBOARD_COLUMNS)
    )
    filters = ClientFilterForm(request.GET)
    if filters.is_valid():
        if filters.cleaned_data["q"]:
            clients = clients.filter(display_name__icontains=filters.cleaned_data["q"])
        if filters.cleaned_data["phenotype"]:
            clients = clients.filter(phenotype=filters.cleaned_data["phenotype"])
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
    flags = (
        SafetyFlag.objects.filter(clinic_id=request.user.clinic_id, acknowledged_at__isnull=True)
        .select_related("client")
        .only("client_id", "message", "raised_at", "client__display_name")
    )
    return render(
        request, "clients/dashboard.html", {"filters": filters, "page": page, "flags": flags}
    )


def _save(form: ClientForm, save: Any) -> Any:
    """Call a service with the form's data; its validation errors go back onto the form."""
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        for field, errs in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
        return None


@staff_required
def client_add(request: HttpRequest) -> HttpResponse:
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
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    client = services.view_client(request.user, pk)
    context = {
        "client": client,
        "consents": client.consents.select_related("recorded_by"),
        "can_delete": permissions.can_delete_client(request.user, client),
    }
    return render(request, "clients/client_detail.html", context)


@staff_required
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
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
def client_delete(request: HttpRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    if not permissions.can_delete_client(request.user, client):
        messages.error(request, "Only the clinic admin or the responsible therapist can delete.")
        return redirect("clients-detail", pk=client.pk)
    if request.method == "POST":
        services.delete_client(request.user, client)
        messages.success(request, f"{client.display_name}'s record was deleted.")
        return redirect("clients-dashboard")
    return render(request, "clients/client_confirm_delete.html", {"client": client})


def _status(form: ClientForm) -> int:
    return 400 if form.is_bound and form.errors else 200
