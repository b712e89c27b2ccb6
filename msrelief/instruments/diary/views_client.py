"""The client's diary pages: the check-in (five 0-10 questions, any left blank) and the
thank-you page with the latest entries, by the standing link (no login) or the client's own
login. Thin: find the diary, call the one service, answer."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.models import Role, User
from msrelief.core import errors
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.core.ratelimit import rate_limited
from msrelief.instruments import tokens
from msrelief.instruments.diary import reads, services
from msrelief.instruments.diary.models import DiaryPlan, Route
from msrelief.instruments.diary.questions import SYMPTOMS, DiaryForm, questions

SAVED_KEY = "msrelief_diary_saved"


@dataclass(frozen=True)
class Visit:
    plan: DiaryPlan
    user: User | None
    route: str
    form_url: str
    saved_url: str


def _no_diary(request: HttpRequest, kind: str) -> HttpResponse:
    return render(request, "instruments/diary/closed.html", {"kind": kind}, status=404)


def _by_token(token: str) -> Visit | None:
    plan = DiaryPlan.objects.select_related("clinic").filter(token_hash=tokens.hash_token(token))
    found = plan.first()
    if found is None:
        return None
    form_url = reverse("diary-link", kwargs={"token": token})
    saved_url = reverse("diary-link-saved", kwargs={"token": token})
    return Visit(found, None, Route.LINK, form_url, saved_url)


def _by_login(user: User) -> Visit | None:
    if user.role != Role.CLIENT:
        raise Http404("No such diary")
    plan = DiaryPlan.objects.select_related("clinic").filter(client__user=user).first()
    if plan is None:
        return None
    return Visit(plan, user, Route.PORTAL, reverse("diary-mine"), reverse("diary-mine-saved"))


def _check_in(request: HttpRequest, visit: Visit) -> HttpResponse:
    today = timezone.localdate()
    if request.method != "POST" and visit.plan.entries.filter(on=today).exists():
        return redirect(visit.saved_url)
    asked = questions(visit.plan.clinic_id)
    form = DiaryForm(asked, _posted(request))
    if request.method == "POST" and form.is_valid():
        key = request.POST.get("submission", "")[:64]
        try:
            entry = services.check_in(visit.plan, form.answers(), visit.user, visit.route, key)
        except services.AlreadyDone:
            return redirect(visit.saved_url)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            request.session[SAVED_KEY] = entry.pk
            return redirect(visit.saved_url)
    context = {
        "visit": visit,
        "form": form,
        "asked": [(question, form[question.name]) for question in asked],
        "submission": secrets.token_urlsafe(24),
    }
    return render(
        request, "instruments/diary/check_in.html", context, status=400 if form.errors else 200
    )


def _saved(request: HttpRequest, visit: Visit) -> HttpResponse:
    today = visit.plan.entries.filter(on=timezone.localdate()).first()
    context = {
        "visit": visit,
        "today": today,
        "just_saved": today is not None and request.session.get(SAVED_KEY) == today.pk,
        "rows": reads.recent_rows(visit.plan),
        "headings": [heading for _, _, heading in SYMPTOMS],
    }
    return render(request, "instruments/diary/saved.html", context)


@rate_limited("diary")
def by_link(request: HttpRequest, token: str) -> HttpResponse:
    visit = _by_token(token)
    return _no_diary(request, "link") if visit is None else _check_in(request, visit)


def by_link_saved(request: HttpRequest, token: str) -> HttpResponse:
    visit = _by_token(token)
    return _no_diary(request, "link") if visit is None else _saved(request, visit)


#: A visitor is sent to the client portal's sign-in, as on every /me/ page, and comes back.
_client_login = login_required(login_url="portal-sign-in")


@_client_login
def mine(request: AuthenticatedRequest) -> HttpResponse:
    visit = _by_login(request.user)
    return _no_diary(request, "login") if visit is None else _check_in(request, visit)


@_client_login
def mine_saved(request: AuthenticatedRequest) -> HttpResponse:
    visit = _by_login(request.user)
    return _no_diary(request, "login") if visit is None else _saved(request, visit)
