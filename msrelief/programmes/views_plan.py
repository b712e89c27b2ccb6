"""Enrolling a client, and the enrolment's plan: its sessions (move one, add one), its
measures and the history of its changes. Thin views over ``services``; another clinic's
client, enrolment or session is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients import permissions
from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.programmes import services, summaries
from msrelief.programmes.forms import AddSessionForm, EndForm, EnrolForm, MoveForm
from msrelief.programmes.models import Enrolment
from msrelief.programmes.services._common import template_or_404, templates_for
from msrelief.programmes.views_templates import _latest_only


def _enrol_form(request: AuthenticatedRequest, client: Any) -> EnrolForm:
    latest = _latest_only(list(templates_for(request.user)))
    templates = [(t.pk, str(t)) for t in latest]
    staff = permissions.staff_of(request.user).order_by("full_name", "email")
    therapists = [(u.pk, u.full_name or u.email) for u in staff]
    initial = {"therapist": client.therapist_id, "template": request.GET.get("template", "")}
    return EnrolForm(templates, therapists, _posted(request), initial=initial)


@staff_required
def enrol(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    form = _enrol_form(request, client)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = services.Plan(
            therapist=User.objects.get(pk=data["therapist"]),
            start_date=data["start_date"],
            weekdays=data["weekdays"],
            session_time=data["session_time"],
            minutes=data["minutes"],
            weeks=data["weeks"],
        )
        try:
            template = template_or_404(request.user, data["template"])
            enrolment = services.enrol_client(request.user, client, template, plan)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"{client.display_name} was enrolled; the plan is below.")
            return redirect("programmes-enrolment", pk=enrolment.pk)
    status = 400 if form.errors else 200
    context = {"client": client, "form": form}
    return render(request, "programmes/enrol.html", context, status=status)


def _plan_page(
    request: AuthenticatedRequest,
    enrolment: Enrolment,
    add_form: AddSessionForm | None = None,
    end_form: EndForm | None = None,
) -> HttpResponse:
    (line,) = summaries.adherence_of([enrolment])
    context = {
        "enrolment": enrolment,
        "client": enrolment.client,
        "adherence": line.adherence,
        "sessions": enrolment.sessions.all(),
        "measures": enrolment.measures.select_related("administration"),
        "changes": enrolment.changes.select_related("session", "changed_by"),
        "add_form": add_form or AddSessionForm(initial={"time": enrolment.session_time}),
        "end_form": end_form or EndForm(),
    }
    bad = [form for form in (add_form, end_form) if form is not None and form.errors]
    status = 400 if bad else 200
    return render(request, "programmes/plan.html", context, status=status)


@staff_required
def plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _plan_page(request, services.view_enrolment(request.user, pk))


@staff_required
def add_session(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    enrolment = services.enrolment_or_404(request.user, pk)
    if request.method != "POST":
        return redirect("programmes-enrolment", pk=enrolment.pk)
    form = AddSessionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_session(
                request.user, enrolment, data["day"], data["time"], data["minutes"]
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "The session was added to the plan.")
            return redirect("programmes-enrolment", pk=enrolment.pk)
    return _plan_page(request, enrolment, form)


@staff_required
def move_session(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = services.session_or_404(request.user, pk)
    local = timezone.localtime(session.starts_at)
    initial = {"day": local.date(), "time": local.time()}
    form = MoveForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.move_session(request.user, session, data["day"], data["time"], data["reason"])
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "The session was moved.")
            return redirect("programmes-enrolment", pk=session.enrolment_id)
    status = 400 if form.errors else 200
    context = {"session": session, "client": session.enrolment.client, "form": form}
    return render(request, "programmes/move.html", context, status=status)


@staff_required
def end_enrolment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    enrolment = services.enrolment_or_404(request.user, pk)
    if request.method != "POST":
        return redirect("programmes-enrolment", pk=enrolment.pk)
    form = EndForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            ended = services.end_enrolment(
                request.user,
                enrolment,
                data["outcome"],
                reason=data["reason"],
                withdrawn_by=data["withdrawn_by"],
                cancel_questionnaires=data["cancel_questionnaires"],
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(
                request, f"The programme is marked {ended.get_status_display().lower()}."
            )
            return redirect("programmes-enrolment", pk=enrolment.pk)
    return _plan_page(request, enrolment, end_form=form)
