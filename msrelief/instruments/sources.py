"""Where a client's responses were taken, as the apps that take them say (kept light: it is
imported when the apps are set up, so it loads no scoring or FHIR library).

An app above this one registers a function that, given a client, names a setting and the ids
of that client's responses taken in it (programmes: the ratings before and after sessions).
:mod:`msrelief.instruments.progress` keeps each setting's responses in a history of their
own."""

from __future__ import annotations

from collections.abc import Callable

from msrelief.clients.models import Client

Source = Callable[[Client], tuple[str, set[int]]]
_SOURCES: list[Source] = []


def register_source(source: Source) -> None:
    """Have ``source``'s responses kept apart from the others in a client's history."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def taken_in(client: Client) -> dict[int, str]:
    """Response id to the name of the setting it was taken in, for the registered settings."""
    found: dict[int, str] = {}
    for source in _SOURCES:
        label, ids = source(client)
        found.update(dict.fromkeys(ids, label))
    return found
