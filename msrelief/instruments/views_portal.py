from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from msrelief.accounts.models import Role
from msrelief.core.http import AuthenticatedRequest
from msrelief.instruments.models import Administration, Status
from msrelief.scoring import get_definition


@login_required
def my_questionnaires(request: AuthenticatedRequest) -> HttpResponse:
    """A person with MS sees the questionnaires their therapist has given them."""
    if request.user.role != Role.CLIENT:
        raise PermissionDenied("This page is for clients.")
    open_ones = Administration.objects.filter(
        client__user=request.user, status__in=[Status.PENDING, Status.IN_PROGRESS]
    )
    rows = [(a, get_definition(a.instrument_code, a.instrument_version)) for a in open_ones]
    return render(request, "instruments/portal_home.html", {"rows": rows})
