"""The portal's two buttons on the client record, for staff of the client's clinic: invite
the client to their portal, and download everything kept about them (which needs a recent
sign-in). Another clinic's client is a 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from msrelief.clients import permissions
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.signin import recent_auth_required
from msrelief.portal import services
from msrelief.portal.views_pages import export_response


@require_POST
@staff_required
def invite(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    client = permissions.get_client_or_404(request.user, pk)
    try:
        link = services.invite_client(request.user, client)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        days = settings.PORTAL_INVITE_DAYS
        messages.success(
            request,
            f"An invitation to their portal is on its way to {link.user.email}. Its link works "
            f"once, for {days} day{'s' if days != 1 else ''}.",
        )
    return redirect("clients-detail", pk=client.pk)


@staff_required
@recent_auth_required
def export(request: AuthenticatedRequest, pk: int, file_format: str) -> HttpResponse:
    try:
        exported = services.export_for_staff(request.user, pk, file_format)
    except ValidationError:
        raise Http404("No such format") from None
    name = f"client-{pk}-{timezone.localdate():%Y-%m-%d}"
    return export_response(exported, name, file_format)
