from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def home(request: HttpRequest) -> HttpResponse:
    """Clinic staff go to their dashboard; everyone else sees what msrelief is."""
    if request.user.is_authenticated and getattr(request.user, "is_clinic_staff", False):
        return redirect("clients-dashboard")
    return render(request, "core/home.html")


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
