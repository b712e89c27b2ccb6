"""The questionnaire link page, shown once right after a link is made (the token is not kept,
so it exists only then), and the two ways to make a new one: shown here, or emailed."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.instruments import qr, services
from msrelief.instruments.models import Administration
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind
from msrelief.scoring import get_definition

Replace = Callable[..., tuple[Administration, str]]


def link_page(
    request: HttpRequest,
    client: Client,
    administration: Administration,
    token: str,
    *,
    emailed: bool,
    heading: str = "The questionnaire link is ready",
) -> HttpResponse:
    """The page with the whole link, its copy button and QR code, when it expires, whether
    it was emailed, and the buttons for a new link."""
    definition = get_definition(administration.instrument_code, administration.instrument_version)
    link = services.link_url(token)
    email = outbox.latest_about(administration, Kind.QUESTIONNAIRE_LINK) if emailed else None
    label = f"QR code of the link to {definition.title}"
    return render(
        request,
        "instruments/assigned.html",
        {
            "client": client,
            "administration": administration,
            "title": definition.title,
            "heading": heading,
            "link": link,
            "qr": qr.link_svg(link, label),
            "email": email,
            "opens_later": administration.available_from > timezone.localdate(),
            "link_days": settings.QUESTIONNAIRE_LINK_DAYS,
        },
    )


def _replace(
    request: AuthenticatedRequest,
    pk: int,
    administration_pk: int,
    service: Replace,
    *,
    emailed: bool,
    heading: str,
) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    administration = get_object_or_404(Administration, pk=administration_pk, client=client)
    if request.method != "POST":
        return redirect("instruments-measures", pk=client.pk)
    try:
        administration, token = service(request.user, administration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("instruments-measures", pk=client.pk)
    return link_page(request, client, administration, token, emailed=emailed, heading=heading)


@staff_required
def new_link(request: AuthenticatedRequest, pk: int, administration_pk: int) -> HttpResponse:
    heading = "A new questionnaire link is ready"
    service = services.issue_new_link
    return _replace(request, pk, administration_pk, service, emailed=False, heading=heading)


@staff_required
def email_link(request: AuthenticatedRequest, pk: int, administration_pk: int) -> HttpResponse:
    heading = "A new link was made and emailed"
    service = services.email_new_link
    return _replace(request, pk, administration_pk, service, emailed=True, heading=heading)
