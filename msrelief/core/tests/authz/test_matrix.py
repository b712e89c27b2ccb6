"""The authorization matrix (issue 14): every URL pattern, asked by every persona about an
object of their own clinic and of the other clinic, gets the answer matrix.py expects; and a
page that answers 200 about the other clinic's object shows none of that clinic's secrets."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from msrelief.core.tests.authz.entry import Entry
from msrelief.core.tests.authz.expect import ADMIN_LOGIN, LOGIN, PERSONAS, SIGN_IN, Answer
from msrelief.core.tests.authz.factory import UNKNOWN_TOKEN, Site, World
from msrelief.core.tests.authz.matrix import entry_for
from msrelief.core.tests.authz.patterns import all_routes
from msrelief.core.tests.authz.urlbuild import path_for

pytestmark = pytest.mark.django_db

ROUTES = [route.route for route in all_routes()]
COVERED = [route for route in ROUTES if entry_for(route) is not None]
SITE_OF = {
    "client": "A",
    "therapist": "A",
    "colleague": "A",
    "clinic_admin": "A",
    "outsider": "B",
    "outsider_admin": "B",
}


def user_of(world: World, persona: str) -> Any:
    if persona == "anonymous":
        return None
    if persona == "evidence_editor":
        return world.evidence_editor
    site = world.site(SITE_OF[persona])
    return {
        "client": site.client_login,
        "therapist": site.therapist,
        "colleague": site.colleague,
        "clinic_admin": site.admin,
        "outsider": site.therapist,
        "outsider_admin": site.admin,
    }[persona]


def cases(world: World, entry: Entry, persona: str) -> list[tuple[str, str, Site]]:
    """(ownership, path, site whose object it is) for each object the persona is asked about."""
    home = world.site(SITE_OF.get(persona, "A"))
    away = world.b if home is world.a else world.a
    if entry.values is None or entry.shared:
        values = entry.values(world, home) if entry.values else {}
        return [("none", path_for_route(entry, values), home)]
    if entry.by_token:
        own = entry.values(world, home)
        unknown = {**own, "token": UNKNOWN_TOKEN}
        return [
            ("own", path_for_route(entry, own), home),
            ("other", path_for_route(entry, unknown), away),
        ]
    found = [("other", path_for_route(entry, entry.values(world, away)), away)]
    if persona in SITE_OF:
        found.insert(0, ("own", path_for_route(entry, entry.values(world, home)), home))
    return found


def path_for_route(entry: Entry, values: Any) -> str:
    return path_for(entry.extra["route"], values)


def observed(response: Any) -> Answer:
    """The status, or which sign-in page a redirect goes to."""
    if response.status_code == 302:
        where = urlsplit(response["Location"]).path
        named = {
            reverse("accounts-login"): LOGIN,
            reverse("portal-sign-in"): SIGN_IN,
            "/admin/login/": ADMIN_LOGIN,
        }
        return named.get(where, 302)
    return int(response.status_code)


def secrets_hidden_from(world: World, persona: str, ownership: str, site: Site) -> list[str]:
    """What must not appear in a page this persona gets: every other clinic's secrets."""
    home = SITE_OF.get(persona)
    hidden = [s for s in (world.a, world.b) if s.label != home]
    if ownership == "own" and home is None:  # a token page's own object, to a visitor
        hidden = [s for s in hidden if s is not site]
    return [secret for s in hidden for secret in s.secrets]


def test_every_url_pattern_has_an_entry_in_the_matrix() -> None:
    missing = [route for route in ROUTES if entry_for(route) is None]
    assert not missing, "\n".join(f"add an entry for {route!r} in matrix.py" for route in missing)


def test_the_matrix_has_no_entry_for_a_pattern_that_is_gone() -> None:
    from msrelief.core.tests.authz.matrix import MATRIX

    gone = sorted(set(MATRIX) - set(ROUTES))
    assert not gone, f"matrix.py has entries for patterns no longer routed: {gone}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", COVERED)
def test_each_persona_gets_the_expected_answer_and_no_other_clinics_data(
    world: World, route: str, persona: str
) -> None:
    from dataclasses import replace

    entry = entry_for(route)
    assert entry is not None
    entry = replace(entry, extra={**entry.extra, "route": route})
    browser = Client(raise_request_exception=False)
    user = user_of(world, persona)
    if user is not None:
        browser.force_login(user)
    wrong: list[str] = []
    requests = [
        (method, ownership, path, site)
        for ownership, path, site in cases(world, entry, persona)
        for method in entry.methods
    ]
    # An allowed POST may write (delete the client...): the persona's own object comes last.
    requests.sort(key=lambda r: (r[0] == "POST" and r[1] == "own", r[0] == "POST"))
    for method, ownership, path, site in requests:
        response = browser.get(path) if method == "GET" else browser.post(path, {})
        want, got = entry.answer(method, persona, ownership), observed(response)
        if got != want:
            wrong.append(f"{method} {path} ({ownership}): expected {want}, got {got}")
        elif got == 200:
            body = response.content.decode("utf-8", "replace") if not response.streaming else ""
            leaked = [s for s in secrets_hidden_from(world, persona, ownership, site) if s in body]
            if leaked:
                wrong.append(f"{method} {path} ({ownership}): shows {leaked}")
    assert not wrong, f"{route!r} as {persona}:\n" + "\n".join(wrong)
