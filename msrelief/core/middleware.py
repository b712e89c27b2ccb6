"""Keeps health data out of caches: every response is ``Cache-Control: no-store`` except the
public pages listed here, which carry no client data.

Listing the public pages (rather than the private ones) means a new page is private until
someone decides otherwise: a forgotten page costs a cache miss, never a leak from a shared
computer's browser cache or a proxy.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

# Exact paths and path prefixes that anyone may see and that show no client's data: the home
# page, the public evidence base (its pages and its API), static files, the health probe, the
# sitemap and the Learn pages' feed. The Learn pages themselves stay private to caches: each
# shows the reader their own rating and their comments waiting for moderation.
PUBLIC_PATHS = frozenset({"/", "/healthz", "/sitemap.xml", "/learn/feed/"})
PUBLIC_PATH_PREFIXES = ("/static/", "/evidence/", "/api/evidence/")


def is_public_path(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PATH_PREFIXES)


class NoStoreMiddleware:
    """Adds ``Cache-Control: no-store`` (with Django's other never-cache headers) to every
    response for a path that is not public."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_public_path(request.path_info):
            add_never_cache_headers(response)
        return response
