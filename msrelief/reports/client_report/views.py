"""A client's two reports as pages and as PDF downloads, for staff of the client's clinic (the
same as the progress page: another clinic's client is a 404). Each look is audited by the
service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest, attachment
from msrelief.core.pdf import PdfUnavailable
from msrelief.reports import services
from msrelief.reports.client_report import render as report_render


def pdf_unavailable(request: HttpRequest, missing: PdfUnavailable) -> HttpResponse:
    """503: this server cannot make PDFs (WeasyPrint's libraries are missing); says which."""
    return render(request, "reports/pdf_unavailable.html", {"reason": str(missing)}, status=503)


@staff_required
def page(request: AuthenticatedRequest, pk: int, audience: str) -> HttpResponse:
    report = services.client_report(request.user, pk, audience)
    return HttpResponse(report_render.page(request, report, audience))


@staff_required
def download(request: AuthenticatedRequest, pk: int, audience: str) -> HttpResponse:
    try:
        report, document = services.client_report_pdf(request.user, pk, audience)
    except PdfUnavailable as missing:
        return pdf_unavailable(request, missing)
    name = report_render.filename(report, audience, "pdf")
    return attachment(document, name, "application/pdf")
