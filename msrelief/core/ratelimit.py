"""A per-address limit on the public POST endpoints, counted in Django's cache.

Each endpoint group (the meta-analysis page and its downloads, ``/api/evidence/meta``,
``/api/score/*``, the login and password-reset forms, the symptom diary's link page) allows
``settings.PUBLIC_POSTS_PER_MINUTE`` POST requests a minute from one client address
(``MSRELIEF_RATE_LIMIT``; 0 turns the limit off).
The next one is answered 429 with a plain message and a ``Retry-After`` header. The counting is
django-ratelimit's (fixed one-minute windows, atomic increments in the cache); the setting is read
at every request, so tests and operators can change it without a restart. The API's operations
are counted the same way through :mod:`msrelief.core.api_throttle`, kept apart so that the
sign-in code, which counts here, does not import django-ninja (a tenth of a second of every
command's start-up).

The count lives in the ``default`` cache. The built-in local-memory cache counts per process: a
deployment that runs several processes sets ``MSRELIEF_CACHE_URL`` to a shared cache so that the
limit holds across them (docs/settings.md).
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django_ratelimit.core import get_usage

from msrelief.lib import proxies

__all__ = [
    "client_address",
    "over_limit",
    "rate_limited",
    "refusal",
    "too_many",
]

View = Callable[..., HttpResponseBase]


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as the key it is counted under.

    The address is the connection's, or behind a trusted proxy (``settings.TRUSTED_PROXIES``,
    ``MSRELIEF_TRUSTED_PROXIES``) the right-most untrusted one in ``X-Forwarded-For``
    (:mod:`msrelief.lib.proxies`). IPv6 addresses are counted per /64 network, since one
    machine usually holds a whole /64. Anything that is not an address counts as ``unknown``.
    """
    address = proxies.from_meta(request.META, getattr(settings, "TRUSTED_PROXIES", ()))
    if address is None:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _key(group: str, request: HttpRequest) -> str:
    return client_address(request)


def _refusal_message(per_minute: int, wait: int) -> str:
    return (
        f"Too many requests from your address: this page takes at most {per_minute} a minute. "
        f"Try again in {wait} seconds."
    )


def over_limit(request: HttpRequest, group: str) -> int | None:
    """Count this POST against ``group``: the seconds to wait if it is over the limit, else None."""
    per_minute = int(getattr(settings, "PUBLIC_POSTS_PER_MINUTE", 0))
    if request.method != "POST" or per_minute <= 0:
        return None
    usage = get_usage(
        request,
        group=f"msrelief.{group}",
        key=_key,
        rate=f"{per_minute}/m",
        method="POST",
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, int(usage["time_left"]))


def too_many(wait: int, *, json: bool = False) -> HttpResponse:
    """The 429 answer: a plain message (``{"detail": message}`` for the API) and Retry-After."""
    message = _refusal_message(int(getattr(settings, "PUBLIC_POSTS_PER_MINUTE", 0)), wait)
    response: HttpResponse
    if json:
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(wait)
    return response


def refusal(request: HttpRequest, group: str, *, json: bool = False) -> HttpResponse | None:
    """Count this POST against ``group``; the 429 response if it is over the limit, else None."""
    wait = over_limit(request, group)
    return None if wait is None else too_many(wait, json=json)


def rate_limited(group: str) -> Callable[[View], View]:
    """Decorate a view so that its POSTs are counted against ``group`` (see :func:`refusal`)."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            refused = refusal(request, group)
            return refused if refused is not None else view(request, *args, **kwargs)

        return limited

    return decorate
