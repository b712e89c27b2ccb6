"""The public POST limit of :mod:`msrelief.core.ratelimit`, for django-ninja's operations.

A module of its own so that importing the rate limiter (the sign-in code does, at start-up)
does not import django-ninja and pydantic with it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja.throttling import BaseThrottle

from msrelief.core.ratelimit import over_limit, too_many

__all__ = ["ApiThrottle", "api_throttled"]

_WAIT_ATTRIBUTE = "msrelief_retry_after"


class ApiThrottle(BaseThrottle):
    """The same limit for a django-ninja operation (``throttle=ApiThrottle("api-score")``).

    Ninja runs throttles before it reads the body, so every POST counts, valid or not. Ninja's
    429 is replaced by :func:`api_throttled` (registered in :mod:`msrelief.api.api`), which
    answers with the rate limiter's message and ``Retry-After``.
    """

    def __init__(self, group: str) -> None:
        self.group = group

    def allow_request(self, request: HttpRequest) -> bool:
        wait = over_limit(request, self.group)
        if wait is None:
            return True
        setattr(request, _WAIT_ATTRIBUTE, wait)  # on the request: the throttle object is shared
        return False


def api_throttled(request: HttpRequest, error: Any) -> HttpResponse:
    """django-ninja's handler for :class:`ninja.errors.Throttled`."""
    return too_many(int(getattr(request, _WAIT_ATTRIBUTE, 60)), json=True)
