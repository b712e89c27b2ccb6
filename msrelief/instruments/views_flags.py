"""A safety flag's page: what raised it, its state (new, acknowledged, resolved) with who did
what and when, and the one form that moves it on. The alert email links here."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.instruments import services
from msrelief.instruments.forms import AcknowledgeForm, ResolveForm
from msrelief.instruments.models import SafetyFlag
from msrelief.notifications import services as outbox


def _page(
    request: AuthenticatedRequest,
    flag: SafetyFlag,
    form: AcknowledgeForm | ResolveForm | None = None,
    status: int = 200,
) -> HttpResponse:
    if form is None and flag.state == "new":
        form = AcknowledgeForm()
    elif form is None and flag.state == "acknowledged":
        form = ResolveForm()
    context = {
        "flag": flag,
        "client": flag.client,
        "form": form,
        "undelivered": flag.pk in outbox.undelivered_ids([flag]),
    }
    return render(request, "instruments/flag.html", context, status=status)


@staff_required
def flag_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _page(request, services.view_flag(request.user, pk))


def _act(
    request: AuthenticatedRequest,
    pk: int,
    form_class: type[AcknowledgeForm] | type[ResolveForm],
    service: Callable[..., SafetyFlag],
    done: str,
) -> HttpResponse:
    flag = services.view_flag(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(request.user, flag, form.cleaned_data["note"])
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, done)
            return redirect("instruments-flag", pk=flag.pk)
    return _page(request, flag, form, status=400)


@staff_required
def acknowledge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.method != "POST":  # an old link or a reload: the flag's page has the form
        return redirect("instruments-flag", pk=pk)
    return _act(
        request, pk, AcknowledgeForm, services.acknowledge_flag, "The flag is acknowledged."
    )


@staff_required
def resolve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("instruments-flag", pk=pk)
    return _act(request, pk, ResolveForm, services.resolve_flag, "The flag is resolved.")
