"""Request limits checked before any view (or CSRF check) reads the body.

* A body larger than :data:`~msrelief.lib.limits.MAX_REQUEST_BYTES` (by its ``Content-Length``)
  is answered 413 at once, before a byte of it is read.
* A JSON body (``Content-Type: application/json``) must parse, and nest at most
  :data:`~msrelief.lib.limits.MAX_JSON_DEPTH` levels; otherwise 400 ``{"detail": ...}``.

Answers under ``/api/`` are JSON ``{"detail": message}`` as the API's other errors; elsewhere
plain text.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from msrelief.lib import bounded_json
from msrelief.lib.limits import MAX_REQUEST_BYTES, describe_bytes

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _declared_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def _answer(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def check_request(request: HttpRequest) -> HttpResponse | None:
    """The 413 or 400 answer to a request over a limit, or None for one within them."""
    if request.method not in BODY_METHODS:
        return None
    size = _declared_length(request)
    if size > MAX_REQUEST_BYTES:
        limit = describe_bytes(MAX_REQUEST_BYTES)
        return _answer(
            request, 413, f"The request is {describe_bytes(size)}; the limit is {limit}."
        )
    if request.content_type == "application/json" and size:
        try:
            bounded_json.loads(request.body)
        except bounded_json.JsonInputError as error:
            return _answer(request, 400, f"The request body cannot be used: {error}.")
    return None


class RequestLimitsMiddleware:
    """Refuse requests over the size and nesting limits (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refused = check_request(request)
        return refused if refused is not None else self.get_response(request)
