"""The pre-session safety screen for staff: the day's questions with the history's facts beside
them, the result with every rule that fired (its reason, sources, grade and threshold note), and
the decision. Thin views over ``safety.services``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from msrelief.clients import permissions
from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.evidence.models import Reference
from msrelief.safety import from_history, services
from msrelief.safety.forms import DecisionForm, ScreenForm
from msrelief.safety.models import Screen


@staff_required
def new_screen(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    today = timezone.localdate()
    initial = {"on": today, "falls_last_year": from_history.falls_last_year(client, today)}
    form = ScreenForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            screen = services.run_screen(
                request.user, client, form.cleaned_data["on"], form.answers()
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            return redirect("safety-screen", pk=screen.pk)
    context = {"client": client, "form": form, "facts": from_history.facts(client, today)}
    return render(request, "safety/screen_form.html", context, status=400 if form.errors else 200)


def _page(
    request: AuthenticatedRequest, screen: Screen, form: DecisionForm, status: int = 200
) -> HttpResponse:
    keys = {c for rule in screen.rules for c in rule["citations"]}
    references = {r.key: r for r in Reference.objects.filter(key__in=keys)}
    rules = [
        {**rule, "references": [references.get(key) or key for key in rule["citations"]]}
        for rule in screen.rules
    ]
    context = {"screen": screen, "client": screen.client, "rules": rules, "form": form}
    return render(request, "safety/screen.html", context, status=status)


@staff_required
def screen_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    screen = services.view_screen(request.user, pk)
    form = DecisionForm(initial={"decision": screen.outcome})
    return _page(request, screen, form)


@staff_required
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    screen = services.view_screen(request.user, pk)
    if request.method != "POST":
        return redirect("safety-screen", pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(
                request.user, screen, form.cleaned_data["decision"], form.cleaned_data["reason"]
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "Your decision is recorded.")
            return redirect("safety-screen", pk=pk)
    return _page(request, screen, form, status=400)
