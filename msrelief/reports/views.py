"""The clinic's cohort page: filters, then one table row a score with its intervals."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.reports import services
from msrelief.reports.cohort.compute import CohortDataError
from msrelief.reports.cohort.display import construct_view
from msrelief.reports.cohort.queries import CohortFilters, programme_choices
from msrelief.reports.forms import CohortFilterForm


@staff_required
def cohort(request: AuthenticatedRequest) -> HttpResponse:
    assert request.user.clinic is not None  # staff_required: staff belong to a clinic
    form = CohortFilterForm(request.GET or None, programmes=programme_choices(request.user.clinic))
    if request.GET and not form.is_valid():
        return render(request, "reports/cohort.html", {"form": form}, status=400)
    chosen = form.filters() if request.GET else CohortFilters()
    try:
        report = services.cohort_report(request.user, chosen)
    except CohortDataError as error:
        return render(request, "reports/cohort.html", {"form": form, "problem": str(error)})
    tables = [construct_view(result) for result in report.constructs]
    return render(
        request, "reports/cohort.html", {"form": form, "report": report, "tables": tables}
    )
