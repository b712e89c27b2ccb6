"""How fresh a sign-in is, read from the session: when it last proved the password (and the
second factor, for a login that has one), and the decorator that asks for that proof again
before a sensitive action (docs/security.md "Sign-in").

The session keys are written by the sign-in pages (msrelief.accounts); they are read here, in
the bottom web layer, so that any app can guard a view without importing accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

View = Callable[..., HttpResponseBase]

#: Seconds since the epoch when the password (and second factor) were last given.
PROVEN_AT = "msrelief_proven_at"
#: When the session signed in, and when it was last used (epoch seconds).
SIGNED_IN_AT = "msrelief_signed_in_at"
SEEN_AT = "msrelief_seen_at"

#: The test suite's ``client.force_login`` backend (msrelief/testing.py). A session it made
#: counts as fully signed in, second factor and recent proof included. Django loads a session
#: only while its backend is in AUTHENTICATION_BACKENDS, which only the test suite's
#: conftest.py arranges; msrelief/settings.py never lists it.
TEST_LOGIN_BACKEND = "msrelief.testing.TestLoginBackend"


def now_seconds() -> int:
    return int(timezone.now().timestamp())


def is_test_login(request: HttpRequest) -> bool:
    """True for a session made by the test suite's ``force_login`` (see TEST_LOGIN_BACKEND)."""
    return (
        request.session.get(BACKEND_SESSION_KEY) == TEST_LOGIN_BACKEND
        and TEST_LOGIN_BACKEND in settings.AUTHENTICATION_BACKENDS
    )


def second_factor_given(request: HttpRequest) -> bool:
    """Whether this session gave its second factor (django-otp's OTPMiddleware tells), or is a
    test login."""
    verified = getattr(request.user, "is_verified", None)
    return is_test_login(request) or (callable(verified) and bool(verified()))


def mark_proven(request: HttpRequest) -> None:
    """The user has just given their password (and second factor, if they have one)."""
    request.session[PROVEN_AT] = now_seconds()


def recently_proven(request: HttpRequest) -> bool:
    """Whether the password (and second factor) were given within settings.REAUTH_WINDOW."""
    if is_test_login(request):
        return True
    proven = request.session.get(PROVEN_AT)
    if not isinstance(proven, int):
        return False
    return now_seconds() - proven <= settings.REAUTH_WINDOW.total_seconds()


def reauth_url(next_path: str) -> str:
    return f"{reverse('accounts-reauth')}?{urlencode({'next': next_path})}"


def recent_auth_required(view: View) -> View:
    """Logged in, and the password (and second factor) given within the last
    settings.REAUTH_WINDOW; otherwise the re-authentication page, which comes back here.

    For exports, erasure, role changes and two-factor resets. A POST that arrives too late is
    not carried out: the user proves themselves again and repeats it."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not recently_proven(request):
            return HttpResponseRedirect(reauth_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapper
