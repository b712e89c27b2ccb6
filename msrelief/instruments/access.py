"""How a questionnaire page finds its administration: by a secure link's token (no account) or
by the logged-in client's own login. Both lead to the same pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from msrelief.accounts.models import Role, User
from msrelief.core.prepared import PreparedLookup
from msrelief.instruments import services, tokens
from msrelief.instruments.models import Administration, Status, Via


@dataclass(frozen=True)
class Access:
    administration: Administration
    user: User | None
    via: str
    route: str  # "fill" (link) or "portal" (client login)
    kwargs: dict[str, Any] = field(default_factory=dict)

    def url(self, name: str, **extra: Any) -> str:
        return reverse(f"{self.route}-{name}", kwargs={**self.kwargs, **extra})


View = Callable[..., HttpResponseBase]


def closed_page(
    request: HttpRequest, kind: str, title: str, status: int = 410, **extra: Any
) -> HttpResponse:
    """The page that says plainly why a questionnaire cannot be filled in (``kind`` picks the
    explanation in ``fill_closed.html``)."""
    context = {"kind": kind, "title": title, **extra}
    return render(request, "instruments/fill_closed.html", context, status=status)


def _closed(
    request: HttpRequest, administration: Administration, allow_done: bool
) -> HttpResponse | None:
    """The page to show instead when the questionnaire cannot be filled in now (the rules are
    the services', :func:`services.closed_reason`)."""
    if administration.status == Status.COMPLETED and allow_done:
        return None
    reason = services.closed_reason(administration)
    if reason is None:
        return None
    return _closed_page_for(request, administration, services.NotOpen(reason))


def _closed_page_for(
    request: HttpRequest, administration: Administration, error: services.NotOpen
) -> HttpResponse:
    if error.kind == "not_yet":
        return closed_page(
            request, error.kind, error.title, status=403, opens=administration.available_from
        )
    return closed_page(request, error.kind, error.title)


def _run(view: View, request: HttpRequest, access: Access, **kwargs: Any) -> HttpResponseBase:
    """Run the page; if the questionnaire closed while the page was loading (submitted in
    another tab, cancelled by the therapist, expired), say so instead of failing."""
    try:
        return view(request, access, **kwargs)
    except services.NotOpen as error:
        return _closed_page_for(request, access.administration, error)


def _one(found: QuerySet[Administration]) -> Administration | None:
    """The one administration a token or a key names, if any. Unordered: ``first()`` would
    sort by the model's ordering, and compiling that was a good part of a page's query."""
    return next(iter(found.order_by()[:1]), None)


# The administration (with its clinic) a link's token names: the query every questionnaire
# page by link runs first, compiled once per connection (msrelief/core/prepared.py).
BY_TOKEN_HASH = PreparedLookup(
    Administration,
    lambda token_hash: (
        Administration.objects.select_related("clinic").filter(token_hash=token_hash).order_by()[:1]
    ),
)


def by_token(view: View, allow_done: bool = False) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponseBase:
        found = BY_TOKEN_HASH.first(tokens.hash_token(token))
        if found is None:
            return closed_page(request, "unknown", "This link does not work", status=404)
        closed = _closed(request, found, allow_done)
        if closed is not None:
            return closed
        access = Access(found, None, Via.LINK, "fill", {"token": token})
        return _run(view, request, access, **kwargs)

    return wrapper


def by_login(view: View, allow_done: bool = False) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not user.is_authenticated:
            # Like every /me/ page: to the portal's sign-in, and back here after it.
            return redirect_to_login(request.get_full_path(), "portal-sign-in")
        if user.role != Role.CLIENT:
            raise Http404("No such questionnaire")
        found = _one(
            Administration.objects.select_related("clinic").filter(pk=pk, client__user=user)
        )
        if found is None:
            raise Http404("No such questionnaire")
        closed = _closed(request, found, allow_done)
        if closed is not None:
            return closed
        return _run(view, request, Access(found, user, Via.PORTAL, "portal", {"pk": pk}), **kwargs)

    return wrapper
