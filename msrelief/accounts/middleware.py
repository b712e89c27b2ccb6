"""The sign-in rules every request meets (docs/security.md "Sign-in"), after django-otp's
OTPMiddleware has told whether the session's second factor was given:

* a session unused for settings.IDLE_TIMEOUT, or signed in longer ago than
  SESSION_COOKIE_AGE, is ended; the next page asks to sign in again and comes back after;
* a staff login with an authenticator app reaches no page before its code is given;
* a role that must use two factors (clinic admins, superusers; other staff with
  settings.TWO_FACTOR_FOR_STAFF) reaches no page before it has set an app up.

Clients are never asked for a second factor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import LazyObject, empty

from msrelief.accounts import signin_services
from msrelief.accounts.backends import second_factor_when_loaded
from msrelief.accounts.models import Role, User
from msrelief.core.signin import (
    SEEN_AT,
    SIGNED_IN_AT,
    is_test_login,
    now_seconds,
    second_factor_given,
)

#: Pages a signed-in user reaches before the second factor: signing in and out, the code
#: and enrolment pages (an app's or a passkey's, with the passkey endpoints, which refuse to
#: add one before an existing factor is given), and the password reset pages.
OPEN_PAGES = frozenset(
    {
        "accounts-login",
        "accounts-logout",
        "accounts-verify",
        "accounts-enrol",
        "accounts-passkeys",
        "otp_webauthn:credential-authentication-begin",
        "otp_webauthn:credential-authentication-complete",
        "otp_webauthn:credential-registration-begin",
        "otp_webauthn:credential-registration-complete",
        "otp_webauthn:js-i18n-catalog",
        "accounts-reset",
        "accounts-reset-sent",
        "password_reset_confirm",
        "accounts-reset-done",
        "healthz",
    }
)
#: Paths that never read the session: the health probe answers without a query.
UNCHECKED_PATHS = frozenset({"/healthz"})
#: The last-use time is written at most this often (seconds), so that a page view does not
#: always mean a session write; the idle timeout is measured to within this.
SEEN_RESOLUTION = 60


class SignInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info in UNCHECKED_PATHS:
            return self.get_response(request)
        request.user = loaded(request.user)
        if request.user.is_authenticated:
            reason = _expired(request)
            if reason:
                return _end_session(request, reason)
            _touch(request)
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponseBase | None:
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_PAGES:
            return None
        user = request.user
        if not user.is_authenticated or user.role == Role.CLIENT or is_test_login(request):
            return None
        if second_factor_given(request):
            return None
        # Read with the user at the start of this request (accounts/backends.py), if it was.
        known = second_factor_when_loaded(user)
        if known if known is not None else signin_services.has_second_factor(user):
            return _to("accounts-verify", request)
        if signin_services.two_factor_required(user):
            return _to("accounts-enrol", request)
        return None


def loaded(user: Any) -> Any:
    """The user behind Django's and django-otp's lazy wrappers of ``request.user``, loaded:
    every page but the health probe reads it here, and each attribute read through the two
    wrappers cost four Python calls (a signed-in page makes some sixty)."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:  # type: ignore[attr-defined]
            user._setup()  # type: ignore[attr-defined]
        user = user._wrapped  # type: ignore[attr-defined]
    return user


def _to(name: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


def _expired(request: HttpRequest) -> str:
    now = now_seconds()
    seen, signed_in = request.session.get(SEEN_AT), request.session.get(SIGNED_IN_AT)
    if isinstance(seen, int) and now - seen > settings.IDLE_TIMEOUT.total_seconds():
        return "idle"
    if isinstance(signed_in, int) and now - signed_in > settings.SESSION_COOKIE_AGE:
        return "age"
    return ""


def _touch(request: HttpRequest) -> None:
    now = now_seconds()
    seen = request.session.get(SEEN_AT)
    if not isinstance(seen, int) or now - seen >= SEEN_RESOLUTION:
        request.session[SEEN_AT] = now
    request.session.setdefault(SIGNED_IN_AT, now)


def _end_session(request: HttpRequest, reason: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    signin_services.record_timed_out(user, reason)
    request.session.flush()
    request.user = AnonymousUser()
    return redirect_to_login(request.get_full_path())


def start_session(request: HttpRequest) -> None:
    """A fresh sign-in: its clocks start now (called on Django's ``user_logged_in``)."""
    now = now_seconds()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now
