"""The clinic's home page: its clients, and the safety flags not yet resolved (new ones first).
It lives here, above the clients app, because it shows what questionnaires raised (a later
``safety`` app will take it over when pre-session screens raise flags too)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from msrelief.clients import permissions
from msrelief.clients.forms import ClientFilterForm
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.instruments.models import FlagState, SafetyFlag
from msrelief.notifications import services as outbox

PAGE_SIZE = 25
FLAG_COLUMNS = (
    "client_id", "message", "raised_at", "acknowledged_at", "resolved_at",
    "client__display_name", "acknowledged_by__full_name", "acknowledged_by__email",
)  # fmt: skip
DASHBOARD_COLUMNS = (
    "display_name", "phenotype", "edss", "therapist__full_name", "therapist__email",
)  # fmt: skip


@staff_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
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
    flags = list(
        SafetyFlag.objects.filter(clinic=request.user.clinic, resolved_at__isnull=True)
        .select_related("client", "acknowledged_by")
        .only(*FLAG_COLUMNS)
    )
    context = {
        "filters": filters,
        "page": page,
        "new_flags": [flag for flag in flags if flag.state == FlagState.NEW],
        "open_flags": [flag for flag in flags if flag.state == FlagState.ACKNOWLEDGED],
        "undelivered": outbox.undelivered_ids(flags),
    }
    return render(request, "clients/dashboard.html", context)
