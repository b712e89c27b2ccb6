"""Signing in to the client portal by an emailed link: ask for a link, open it, press the
button. Opening the link only shows the button (a mail scanner that follows links neither
uses it up nor signs in); the POST signs in. The rules are in services."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.views.decorators.cache import never_cache

from msrelief.accounts.lockout import sign_in_throttled
from msrelief.core.http import posted
from msrelief.core.ratelimit import rate_limited
from msrelief.core.signin import now_seconds
from msrelief.portal import services
from msrelief.portal.forms import SignInForm

#: The backend a link sign-in is recorded under (the session then loads the user through it).
MODEL_BACKEND = "msrelief.accounts.backends.PasswordBackend"
#: When this session last signed in with an emailed link (epoch seconds): the proof a client
#: with no password gives before setting one (views_password.py).
LINK_SIGNED_IN_AT = "msrelief_link_signed_in_at"


@never_cache
@rate_limited("portal-sign-in")
@sign_in_throttled("portal-link")
def sign_in(request: HttpRequest) -> HttpResponse:
    """Ask for a sign-in link. Whatever the address, the answer is the same page."""
    form = SignInForm(posted(request))
    if form.is_valid():
        services.request_sign_in_link(form.cleaned_data["email"])
        context = {"email": form.cleaned_data["email"]}
        return render(request, "portal/sign_in_sent.html", context)
    status = 400 if form.errors else 200
    return render(request, "portal/sign_in.html", {"form": form}, status=status)


@never_cache
@sign_in_throttled("portal-confirm")
def link(request: HttpRequest, token: str) -> HttpResponseBase:
    """The emailed link: a GET shows a "Sign in" button; its POST uses the link up and signs
    the client in."""
    try:
        found = services.usable_link(token)
        if request.method == "POST":
            user = services.use_link(token)
            login(request, user, backend=MODEL_BACKEND)
            request.session[LINK_SIGNED_IN_AT] = now_seconds()
            return HttpResponseRedirect(resolve_url("portal-home"))
    except services.LinkRefused as refused:
        status = 410 if refused.kind in ("used", "expired") else 404
        return render(request, "portal/link_refused.html", {"kind": refused.kind}, status=status)
    if request.user.is_authenticated and request.user.pk == found.user_id:
        return HttpResponseRedirect(resolve_url("portal-home"))
    return render(request, "portal/link_confirm.html", {"clinic": found.client.clinic})
