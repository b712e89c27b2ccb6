"""The client's progress page, for staff of the client's clinic (another clinic's client is a
404, as everywhere on the client record)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from msrelief.clients import permissions
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.reports.progress.build import CAVEAT, build
from msrelief.reports.progress.display import construct_view, relief_text


@staff_required
def page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    progress = build(client)
    context = {
        "client": client,
        "progress": progress,
        "constructs": [construct_view(c) for c in progress.constructs],
        "relief": [(line, relief_text(line)) for line in progress.relief],
        "caveat": CAVEAT,
    }
    return render(request, "reports/progress.html", context)
