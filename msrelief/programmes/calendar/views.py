"""The feed itself (``GET /calendar/<token>.ics``, no login) and the staff pages that make and
revoke feeds: a client's from their record, a therapist's on the calendar feeds page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from msrelief.accounts.models import User
from msrelief.clients import permissions
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.programmes.calendar import services
from msrelief.programmes.calendar.models import CalendarFeed

CONTENT_TYPE = "text/calendar; charset=utf-8"


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar, for whoever holds the address; 404 for any address that does not work."""
    response = HttpResponse(services.calendar_for_token(token), content_type=CONTENT_TYPE)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response


def feed_url(token: str) -> str:
    return settings.BASE_URL + reverse("calendar-feed", kwargs={"token": token})


def _ready(
    request: AuthenticatedRequest, token: str, *, client: object = None, therapist: object = None
) -> HttpResponse:
    """The page that shows a new feed's address, the one time it can be shown."""
    url = feed_url(token)
    webcal = "webcal://" + url.split("://", 1)[1]
    context = {"url": url, "webcal": webcal, "client": client, "therapist": therapist}
    return render(request, "programmes/calendar/feed_ready.html", context)


@staff_required
@require_POST
def client_feed_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = permissions.get_client_or_404(request.user, pk)
    _, token = services.create_client_feed(request.user, client)
    return _ready(request, token, client=client)


@staff_required
@require_POST
def client_feed_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    client = permissions.get_client_or_404(request.user, pk)
    live = services.live_client_feed(request.user, client)
    _revoke(request, live)
    return redirect("clients-detail", pk=client.pk)


def _revoke(request: AuthenticatedRequest, live: CalendarFeed | None) -> None:
    if live is None:
        messages.info(request, "There was no calendar feed to revoke.")
        return
    try:
        services.revoke_feed(request.user, live)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The calendar feed was revoked: its address no longer works.")


def _therapists(user: User) -> list[User]:
    """The logins whose feed ``user`` manages: their own, or (a clinic admin) all staff's."""
    if not user.is_clinic_admin:
        return [user]
    return list(permissions.staff_of(user).order_by("full_name", "email"))


@staff_required
@require_safe
def therapist_feeds(request: AuthenticatedRequest) -> HttpResponse:
    live = services.live_therapist_feeds(request.user)
    lines = [(person, live.get(person.pk)) for person in _therapists(request.user)]
    return render(request, "programmes/calendar/therapist_feeds.html", {"lines": lines})


def _staff_or_404(request: AuthenticatedRequest, pk: int) -> User:
    clinic_id = request.user.clinic_id
    found = User.objects.filter(clinic_id=clinic_id, pk=pk).first() if clinic_id else None
    if found is None:
        raise Http404("No such therapist")
    return found


@staff_required
@require_POST
def therapist_feed_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    therapist = _staff_or_404(request, pk)
    _, token = services.create_therapist_feed(request.user, therapist)
    return _ready(request, token, therapist=therapist)


@staff_required
@require_POST
def therapist_feed_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    therapist = _staff_or_404(request, pk)
    live = CalendarFeed.objects.filter(therapist=therapist, revoked_at__isnull=True).first()
    _revoke(request, live)
    return redirect("programmes-calendar-feeds")
