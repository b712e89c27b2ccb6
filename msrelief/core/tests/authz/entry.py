"""One matrix entry: how to build a pattern's URL for an object of a clinic, which methods to
try, and the expected answers (a rule from :mod:`expect`, with overrides where a view differs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from msrelief.core.tests.authz import expect
from msrelief.core.tests.authz.expect import Answer, Rule
from msrelief.core.tests.authz.factory import Site, World

Values = Callable[[World, Site], Mapping[str, Any]]
#: (method, persona, ownership) -> answer; "*" matches any. The last match wins.
Override = tuple[str, str, str, Answer]


@dataclass(frozen=True)
class Entry:
    rule: Rule
    #: The URL's parameters for an object of ``Site``'s clinic; None for a page about no object.
    values: Values | None = None
    methods: tuple[str, ...] = ("GET",)
    overrides: tuple[Override, ...] = ()
    #: A token page's "other" object is a token nobody was given, not the other clinic's.
    by_token: bool = False
    #: Objects shared by every clinic (the evidence base, Learn): one ownership, "none".
    shared: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def answer(self, method: str, persona: str, ownership: str) -> Answer:
        answer = self.rule(persona, ownership)
        for o_method, o_persona, o_ownership, o_answer in self.overrides:
            if (
                o_method in ("*", method)
                and o_persona in ("*", persona)
                and o_ownership in ("*", ownership)
            ):
                answer = o_answer
        return answer

    def but(self, *overrides: Override, methods: tuple[str, ...] | None = None) -> Entry:
        """This entry with more overrides (and other methods)."""
        return replace(self, overrides=self.overrides + overrides, methods=methods or self.methods)


def posts(entry: Entry, own: Answer, *more: Override) -> Entry:
    """``entry`` tried with GET and POST; ``own`` is what an allowed persona's empty POST gets
    (a form's 400, a redirect after the write, ...)."""
    allowed = [
        ("POST", persona, ownership, own)
        for persona in expect.PERSONAS
        for ownership in ("own", "none", "other")
        if entry.rule(persona, ownership) == 200
    ]
    return entry.but(*allowed, *more, methods=("GET", "POST"))


def post_only(entry: Entry, own: Answer, *more: Override, get: Answer = 405) -> Entry:
    """A view that only takes POST: an allowed persona's GET is 405 (or ``get``, for a view
    that sends a GET back to the page the form is on)."""
    allowed = [
        (method, persona, ownership, own if method == "POST" else get)
        for method in ("GET", "POST")
        for persona in expect.PERSONAS
        for ownership in ("own", "none", "other")
        if entry.rule(persona, ownership) == 200
    ]
    return entry.but(*allowed, *more, methods=("GET", "POST"))


PUBLIC_PAGE = Entry(expect.public)
SIGNED_IN_PAGE = Entry(expect.signed_in)
STAFF_PAGE = Entry(expect.staff)
ADMIN_PAGE = Entry(expect.clinic_admin)
EDITOR_PAGE = Entry(expect.editor)
REVIEWER_PAGE = Entry(expect.reviewer)
CLIENT_PAGE = Entry(expect.client)
DJANGO_ADMIN = Entry(
    expect.django_admin,
    lambda w, s: {"object_id": w.superuser.pk, "id": w.superuser.pk, "content_type_id": 1},
    shared=True,
)


def staff_object(values: Values) -> Entry:
    return Entry(expect.staff, values)


def admin_object(values: Values) -> Entry:
    return Entry(expect.clinic_admin, values)


def client_object(values: Values) -> Entry:
    return Entry(expect.client, values)


def token_page(kind: str) -> Entry:
    return Entry(expect.token, lambda w, s: {"token": s.tokens[kind]}, by_token=True)


def shared(entry: Entry, values: Values) -> Entry:
    return replace(entry, values=values, shared=True)
