"""The privacy pages on the client record: erase, withdraw consent, restrict processing, and
the legal hold (the clinic's processing-activities pages are views_processing.py). Another
clinic's client is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from msrelief.accounts.models import Role
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest, posted
from msrelief.core.signin import recent_auth_required
from msrelief.portal.views_pages import client_page
from msrelief.privacy import forms, services


@staff_required
@recent_auth_required
def erase(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    client = permissions.get_client_or_404(request.user, pk)
    if request.user.role != Role.CLINIC_ADMIN:
        raise PermissionDenied("Only the clinic admin can erase a client.")
    hold = services.held(client)
    if hold is not None:  # nothing to confirm: the page says why the record stays
        status = 400 if request.method == "POST" else 200
        held_context = {"client": client, "hold": hold}
        return render(request, "privacy/erase.html", held_context, status=status)
    form = forms.EraseForm(request.POST if request.method == "POST" else None, number=client.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_client(request.user, client, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Client #{client.pk} was erased. A tombstone remains.")
            return redirect("clients-dashboard")
    context = {"client": client, "form": form, "preview": services.erasure_preview(client)}
    status = 400 if request.method == "POST" else 200  # a refused form, as on every form page
    return render(request, "privacy/erase.html", context, status=status)


@staff_required
def withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    form = forms.WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_consent(request.user, client, form.cleaned_data["withdrawn_on"])
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request, "The withdrawal of consent is recorded; processing is now restricted."
            )
            return redirect("clients-detail", pk=client.pk)
    status = 400 if request.method == "POST" else 200  # a refused form, as on every form page
    return render(request, "privacy/withdraw.html", {"client": client, "form": form}, status=status)


@require_POST
@staff_required
def restriction(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    client = permissions.get_client_or_404(request.user, pk)
    lift = request.POST.get("action") == "lift"
    try:
        if lift:
            services.lift_restriction(request.user, client)
        else:
            services.restrict_processing(request.user, client)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            "The restriction of processing is lifted."
            if lift
            else "Processing is restricted: the record stays readable, nothing new is accepted.",
        )
    return redirect("clients-detail", pk=client.pk)


@client_page
def withdraw_own(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    """The client withdraws their own consent from their portal (a confirm page, then POST)."""
    done = client.restricted_since is not None and client.withdrawals.exists()
    if request.method == "POST" and not done:
        try:
            services.withdraw_own_consent(request.user, client)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your withdrawal of consent is recorded.")
            return redirect("portal-consent")
    return render(request, "privacy/withdraw_own.html", {"client": client, "done": done})


@staff_required
def legal_hold(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """Place a legal hold on the client (a reason is asked for), or lift the one that stands."""
    client = permissions.get_client_or_404(request.user, pk)
    if request.user.role != Role.CLINIC_ADMIN:
        raise PermissionDenied("Only the clinic admin can place or lift a legal hold.")
    hold = services.held(client)
    if request.method == "POST" and request.POST.get("action") == "lift":
        return _lift(request, client)
    form = forms.LegalHoldForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.place_legal_hold(request.user, client, form.cleaned_data["reason"])
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "The legal hold is placed: the record cannot be erased.")
            return redirect("clients-detail", pk=client.pk)
    status = 400 if request.method == "POST" else 200  # a refused form, as on every form page
    context = {"client": client, "hold": hold, "form": form}
    return render(request, "privacy/legal_hold.html", context, status=status)


def _lift(request: AuthenticatedRequest, client: Client) -> HttpResponseBase:
    try:
        services.lift_legal_hold(request.user, client)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The legal hold is lifted: the record can be erased again.")
    return redirect("clients-detail", pk=client.pk)
