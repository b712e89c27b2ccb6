"""The clinic's practice beside the trials: each meta-analysis the stored studies allow, with
the clinic's pooled change as an observational row where the two are comparable
(:mod:`msrelief.reports.cohort.beside`), for staff of the clinic, with the cohort's filters."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.reports import services
from msrelief.reports.cohort.beside import NOT_COMPARABLE
from msrelief.reports.cohort.compute import CohortDataError
from msrelief.reports.cohort.queries import CohortFilters, programme_choices
from msrelief.reports.forms import CohortFilterForm

TEMPLATE = "reports/cohort_meta.html"


@staff_required
def beside_trials(request: AuthenticatedRequest) -> HttpResponse:
    assert request.user.clinic is not None  # staff_required: staff belong to a clinic
    form = CohortFilterForm(request.GET or None, programmes=programme_choices(request.user.clinic))
    if request.GET and not form.is_valid():
        return render(request, TEMPLATE, {"form": form}, status=400)
    chosen = form.filters() if request.GET else CohortFilters()
    context: dict[str, object] = {"form": form, "label": NOT_COMPARABLE}
    try:
        found = services.practice_beside_trials(request.user, chosen)
    except CohortDataError as error:
        return render(request, TEMPLATE, {**context, "problem": str(error)})
    context.update(found=found, matched=any(item.score is not None for item in found))
    return render(request, TEMPLATE, context)
