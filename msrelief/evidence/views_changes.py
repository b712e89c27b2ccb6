"""The evidence change log, ``/evidence/changes/``: every change to the shared evidence base,
newest first, for every clinic to read (who sees what: :mod:`msrelief.evidence.changelog`)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msrelief.evidence import changelog


def changes(request: HttpRequest) -> HttpResponse:
    filters = changelog.ChangeFilterForm(request.GET)
    found = changelog.visible(request.user)
    found = changelog.filtered(found, filters.cleaned_data) if filters.is_valid() else found.none()
    page = Paginator(found, changelog.PAGE_SIZE).get_page(request.GET.get("page"))
    insider = changelog.is_insider(request.user)
    context = {
        "page": page,
        "rows": changelog.rows(list(page.object_list), insider=insider),
        "filters": filters,
        "insider": insider,
        "section": "changes",
    }
    return render(request, "evidence/changes.html", context, status=400 if filters.errors else 200)
