"""Staff pages of the symptom diary, reached from the client record: start it, change how it
is kept, make a new standing link (shown once) or switch the link off. Another clinic's client
is a 404, as everywhere."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.instruments import qr
from msrelief.instruments.diary import services
from msrelief.instruments.diary.forms import PlanForm
from msrelief.instruments.diary.models import DiaryPlan


def link_url(token: str) -> str:
    return settings.BASE_URL + reverse("diary-link", kwargs={"token": token})


def _link_page(
    request: AuthenticatedRequest, client: Client, plan: DiaryPlan, token: str, heading: str
) -> HttpResponse:
    link = link_url(token)
    context = {
        "client": client,
        "plan": plan,
        "heading": heading,
        "link": link,
        "qr": qr.link_svg(link, f"QR code of the symptom diary link for {client.display_name}"),
    }
    return render(request, "instruments/diary/link.html", context)


def _plan_or_404(request: AuthenticatedRequest, pk: int) -> tuple[Client, DiaryPlan | None]:
    client = permissions.get_client_or_404(request.user, pk)
    return client, DiaryPlan.objects.filter(client=client).first()


@staff_required
def start(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client, plan = _plan_or_404(request, pk)
    if plan is not None:
        return redirect("diary-settings", pk=client.pk)
    form = PlanForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan, token = services.start_diary(
                request.user, client, data["frequency"], data["wants_reminder"]
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            return _link_page(request, client, plan, token, "The symptom diary is started")
    context = {"client": client, "form": form, "plan": None}
    status = 400 if form.errors else 200
    return render(request, "instruments/diary/settings.html", context, status=status)


@staff_required
def change(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client, plan = _plan_or_404(request, pk)
    if plan is None:
        return redirect("diary-start", pk=client.pk)
    initial = {"frequency": plan.frequency, "wants_reminder": plan.wants_reminder}
    form = PlanForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_diary(request.user, plan, data["frequency"], data["wants_reminder"])
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "The symptom diary's settings were saved.")
            return redirect("clients-detail", pk=client.pk)
    context = {"client": client, "form": form, "plan": plan}
    status = 400 if form.errors else 200
    return render(request, "instruments/diary/settings.html", context, status=status)


def _link_action(
    request: AuthenticatedRequest, pk: int, act: Callable[[DiaryPlan], HttpResponse]
) -> HttpResponse:
    client, plan = _plan_or_404(request, pk)
    if request.method != "POST" or plan is None:
        return redirect("clients-detail", pk=client.pk)
    try:
        return act(plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("clients-detail", pk=client.pk)


@staff_required
def new_link(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def act(plan: DiaryPlan) -> HttpResponse:
        plan, token = services.new_diary_link(request.user, plan)
        heading = "A new symptom diary link is ready"
        return _link_page(request, plan.client, plan, token, heading)

    return _link_action(request, pk, act)


@staff_required
def revoke_link(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def act(plan: DiaryPlan) -> HttpResponse:
        services.revoke_diary_link(request.user, plan)
        messages.success(request, "The symptom diary link was switched off.")
        return redirect("clients-detail", pk=plan.client_id)

    return _link_action(request, pk, act)
