from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from msrelief.accounts.models import Role
from msrelief.core.http import AuthenticatedRequest
from msrelief.instruments.models import Administration, Response, Status, Via
from msrelief.scoring import get_definition

#: How many of a client's past questionnaires the portal lists, newest first.
PAST_SHOWN = 50


@login_required
def my_questionnaires(request: AuthenticatedRequest) -> HttpResponse:
    """A person with MS sees the questionnaires their therapist has given them to fill in, and
    the ones they have already done (on paper or here), without their scores."""
    if request.user.role != Role.CLIENT:
        raise PermissionDenied("This page is for clients.")
    open_ones = Administration.objects.filter(
        client__user=request.user, status__in=[Status.PENDING, Status.IN_PROGRESS]
    )
    rows = [(a, get_definition(a.instrument_code, a.instrument_version)) for a in open_ones]
    # The symptom diary's ratings are listed on the diary's own page (/me/diary/saved/).
    mine = Response.objects.filter(client__user=request.user, superseded_by__isnull=True)
    done = mine.exclude(via=Via.DIARY).only(
        "instrument_code", "instrument_version", "submitted_at", "via"
    )[: PAST_SHOWN + 1]
    past = [(r, get_definition(r.instrument_code, r.instrument_version)) for r in done]
    context = {"rows": rows, "past": past[:PAST_SHOWN], "more": len(past) > PAST_SHOWN}
    return render(request, "instruments/portal_home.html", context)
