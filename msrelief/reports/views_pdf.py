"""The cohort report as a PDF download, with the same filters as the page (docs/reports.md)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest, attachment
from msrelief.core.pdf import PdfUnavailable
from msrelief.reports import services
from msrelief.reports.client_report.views import pdf_unavailable
from msrelief.reports.cohort import document
from msrelief.reports.cohort.compute import CohortDataError
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
        report, pdf = services.cohort_pdf(request.user, chosen)
    except CohortDataError as error:
        return render(request, "reports/cohort.html", {"form": form, "problem": str(error)})
    except PdfUnavailable as missing:
        return pdf_unavailable(request, missing)
    return attachment(pdf, document.filename(report), "application/pdf")
