"""The defences against guessing (docs/security.md "Sign-in"):

* **per login**, django-axes counts wrong passwords and wrong codes in a row, under the address
  as typed (lower-cased), whether or not such a login exists; at settings.AXES_FAILURE_LIMIT the
  login is locked for settings.AXES_COOLOFF_TIME (or until unlocked, when that is None). A
  locked login is refused even with the right password, on a page that says the same for a
  login that does not exist;
* **per address**, :func:`sign_in_throttled` allows settings.SIGN_IN_RATE POSTs to each
  sign-in page (django-ratelimit, counted in the cache) and answers 429 over it.

Both are audited through msrelief.accounts.signin_services.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from msrelief.accounts import signin_services
from msrelief.core.ratelimit import client_address
from msrelief.lib import proxies

View = Callable[..., HttpResponseBase]
LOCKED = "This login is locked after too many failures in a row. Reload the page."


def client_ip(request: HttpRequest) -> str | None:
    """The address axes records with each attempt: the client's, behind trusted proxies, or
    None when what should be an address is not one (axes stores it in an IP-address column, which
    PostgreSQL refuses to hold "unknown"). Lockout is per login, so nothing depends on it."""
    address = proxies.from_meta(request.META, getattr(settings, "TRUSTED_PROXIES", ()))
    return str(address) if address is not None else None


def username_of(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """What django-axes counts under: the typed address, lower-cased, as logins match it."""
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = request.POST.get("username")
    return str(typed).strip().lower()[:254] if typed else None


def locked_page(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' answer to a locked login (settings.AXES_LOCKOUT_CALLABLE); in JSON to the
    passkey endpoints, whose script shows the ``detail``."""
    match = request.resolver_match
    if match is not None and match.namespace == "otp_webauthn":
        return JsonResponse({"detail": LOCKED, "code": "locked"}, status=403)
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    return render(request, "registration/locked.html", {"minutes": minutes}, status=403)


def is_locked_out(request: HttpRequest, email: str) -> bool:
    return bool(AxesProxyHandler.is_locked(request, get_credentials(email.lower())))


def count_failure(request: HttpRequest, email: str) -> bool:
    """Count a wrong code (or password outside the login form) against ``email``, as a wrong
    password on the login form is counted; True if the login is now locked."""
    credentials = get_credentials(email.lower())
    AxesProxyHandler.user_login_failed(
        sender=count_failure, credentials=credentials, request=request
    )
    return bool(getattr(request, "axes_locked_out", False))


def clear_failures(email: str) -> None:
    """A complete sign-in (password, and the code for a login with an app) starts the count of
    failures in a row again. Not at the password alone: someone who has the password but not
    the phone could otherwise sign in again between wrong codes to escape the lock."""
    axes_reset(username=email.lower())


def on_locked_out(sender: Any, request: HttpRequest, username: str, **kwargs: Any) -> None:
    """django-axes' ``user_locked_out`` signal: audit a login that has just been locked (the
    signal comes again at each refused try; those are the failed logins already audited)."""
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    user = get_user_model().objects.filter(email__iexact=username or "").first()
    signin_services.record_locked(user, username or "")


def _key(group: str, request: HttpRequest) -> str:
    return client_address(request)


def throttle_wait(request: HttpRequest, page: str) -> int | None:
    """Count this POST against settings.SIGN_IN_RATE for ``page`` (per address): the seconds
    to wait if it is over, else None. The first refusal in a period is audited (not each one:
    a flood must not flood the trail)."""
    if request.method != "POST":
        return None
    rate = str(settings.SIGN_IN_RATE)
    usage = get_usage(
        request, group=f"msrelief.sign-in.{page}", key=_key, rate=rate, increment=True
    )
    if usage is None or not usage["should_limit"]:
        return None
    if usage["count"] == usage["limit"] + 1:
        user = request.user if request.user.is_authenticated else None
        signin_services.record_throttled(user, page)
    return max(1, int(usage["time_left"]))


def sign_in_throttled(page: str) -> Callable[[View], View]:
    """Allow settings.SIGN_IN_RATE POSTs per address to ``page``; over it, a 429 plain page."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def throttled(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            wait = throttle_wait(request, page)
            if wait is None:
                return view(request, *args, **kwargs)
            refused = render(
                request, "registration/throttled.html", {"minutes": -(-wait // 60)}, status=429
            )
            refused["Retry-After"] = str(wait)
            return refused

        return throttled

    return decorate
