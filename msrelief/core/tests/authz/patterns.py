"""Every URL pattern the project routes, as the route strings the matrix is keyed by."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    route: str  # the whole pattern, as Django prints it: "clients/<int:pk>/edit/"
    name: str | None


def _walk(patterns: list[URLPattern | URLResolver], prefix: str) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield Route(prefix + str(pattern.pattern), pattern.name)


def all_routes() -> list[Route]:
    """Each routed pattern once (the first when two share a route: Django serves the first)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, ""):
        seen.setdefault(route.route, route)
    return list(seen.values())
