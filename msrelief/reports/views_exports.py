"""The clinic's response exports: a page for its admins, and the downloads, which need a recent
sign-in and are audited (docs/exports.md)."""

from __future__ import annotations

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from msrelief.core.decorators import clinic_admin_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.signin import recent_auth_required
from msrelief.reports import services
from msrelief.reports.exports.formats import FORMATS, csv_chunks
from msrelief.reports.exports.records import plan_export


@clinic_admin_required
def exports(request: AuthenticatedRequest) -> HttpResponse:
    assert request.user.clinic is not None  # clinic admins belong to a clinic
    plan = plan_export(request.user.clinic)
    return render(request, "reports/exports.html", {"plan": plan, "formats": FORMATS})


@clinic_admin_required
@recent_auth_required
def download(request: AuthenticatedRequest, form: str) -> StreamingHttpResponse:
    """One export as a streamed CSV file: rows are written as they are read."""
    if form not in FORMATS:
        raise Http404("There is no such export.")
    _, rows = services.export_responses(request.user, form)
    day = timezone.localdate().isoformat()
    response = StreamingHttpResponse(csv_chunks(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="msrelief-responses-{form}-{day}.csv"'
    response["Cache-Control"] = "no-store"
    return response
