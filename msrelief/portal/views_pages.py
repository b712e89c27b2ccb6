"""The client's own pages under /me/, one thing per page: home, upcoming sessions, open
questionnaires, progress in plain words and charts, consent, and the download of their data.
Each shows only the signed-in client's own record (services.own_client); staff are refused
(403)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from msrelief.accounts.models import Role
from msrelief.clients import consent
from msrelief.clients.models import Client
from msrelief.core.http import AuthenticatedRequest, attachment
from msrelief.instruments.diary.models import DiaryPlan
from msrelief.instruments.models import Administration, Response, Status, Via
from msrelief.portal import access_html, services
from msrelief.portal.progress import plain_progress, progress_charts
from msrelief.programmes.models import PlannedSession
from msrelief.scoring import get_definition

View = Callable[..., HttpResponseBase]

#: How many upcoming sessions the sessions page lists, and past questionnaires the
#: questionnaires page lists, at most.
SESSIONS_SHOWN = 30
PAST_SHOWN = 50


def client_page(view: View) -> View:
    """Signed in as a client whose login is linked to their record; the view gets the record.
    Staff are refused (403), someone not signed in goes to the portal's sign-in page, and a
    client login not linked to a record yet is told to ask their therapist."""

    @login_required(login_url="portal-sign-in")
    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.role == Role.CLIENT and not Client.objects.filter(user=request.user):
            return render(request, "portal/not_linked.html")
        return view(request, services.own_client(request.user), *args, **kwargs)

    return wrapper


def _start_of_today() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))


def _upcoming(client: Client) -> QuerySet[PlannedSession]:
    """The client's sessions from the start of today on, today's earlier ones included."""
    today = _start_of_today()
    return (
        PlannedSession.objects.filter(enrolment__client=client, starts_at__gte=today)
        .select_related("enrolment__template")
        .order_by("starts_at", "id")
    )


def _open(client: Client) -> QuerySet[Administration]:
    return Administration.objects.filter(
        client=client,
        status__in=[Status.PENDING, Status.IN_PROGRESS],
        available_from__lte=timezone.localdate(),
    ).order_by("available_from", "id")


def _next_session(client: Client) -> PlannedSession | None:
    """The first session not cancelled that has not ended yet: one this morning that is over
    is not the client's next session, one going on now still is."""
    now = timezone.now()
    for session in _upcoming(client).exclude(status="cancelled")[:SESSIONS_SHOWN]:
        if session.starts_at + dt.timedelta(minutes=session.minutes) > now:
            return session
    return None


@client_page
def home(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    context = {
        "client": client,
        "next_session": _next_session(client),
        "open_count": _open(client).count(),
        "keeps_diary": DiaryPlan.objects.filter(client=client).exists(),
    }
    return render(request, "portal/home.html", context)


@client_page
def sessions(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    rows = list(_upcoming(client)[: SESSIONS_SHOWN + 1])
    context = {"sessions": rows[:SESSIONS_SHOWN], "more": len(rows) > SESSIONS_SHOWN}
    return render(request, "portal/sessions.html", context)


@client_page
def questionnaires(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    """The questionnaires to fill in now (through the same pages as a link), and the ones done
    (on paper or here), without their scores."""
    rows = [(a, get_definition(a.instrument_code, a.instrument_version)) for a in _open(client)]
    # The symptom diary's ratings are listed on the diary's own page (/me/diary/).
    mine = Response.objects.filter(client=client, superseded_by__isnull=True)
    done = mine.exclude(via=Via.DIARY).only(
        "instrument_code", "instrument_version", "submitted_at", "via"
    )[: PAST_SHOWN + 1]
    past = [(r, get_definition(r.instrument_code, r.instrument_version)) for r in done]
    context = {"rows": rows, "past": past[:PAST_SHOWN], "more": len(past) > PAST_SHOWN}
    return render(request, "portal/questionnaires.html", context)


@client_page
def progress(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    context = {"lines": plain_progress(client), "charts": progress_charts(client)}
    return render(request, "portal/progress.html", context)


@client_page
def consent_page(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    records = [(c, consent.TEXTS.get(c.text_version, "")) for c in client.consents.all()]
    return render(request, "portal/consent.html", {"records": records, "client": client})


@client_page
def data(request: AuthenticatedRequest, client: Client) -> HttpResponse:
    return render(request, "portal/data.html", {"client": client})


@client_page
def download(request: AuthenticatedRequest, client: Client, file_format: str) -> HttpResponse:
    try:
        exported = services.export_own(request.user, file_format)
    except ValidationError:
        raise Http404("No such format") from None
    return export_response(exported, f"my-data-{timezone.localdate():%Y-%m-%d}", file_format)


def export_response(exported: dict[str, Any], name: str, file_format: str) -> HttpResponse:
    """The export as a JSON or HTML file to download."""
    if file_format == "json":
        text = json.dumps(exported, indent=2, ensure_ascii=False)
        return attachment(text, f"{name}.json", "application/json; charset=utf-8")
    return attachment(access_html.render(exported), f"{name}.html", "text/html; charset=utf-8")
