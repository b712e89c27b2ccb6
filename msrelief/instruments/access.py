"""How a questionnaire page finds its administration: by a secure link's token (no account) or
by the logged-in client's own login. Both lead to the same pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.models import Role, User
from msrelief.instruments import tokens
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
    """The page to show instead when the questionnaire cannot be filled in now."""
    status = administration.status
    if status == Status.COMPLETED and allow_done:
        return None
    reasons = {
        Status.COMPLETED: ("already_used", "This questionnaire has already been submitted"),
        Status.CANCELLED: ("cancelled", "This questionnaire was cancelled"),
    }
    if status in reasons:
        kind, title = reasons[Status(status)]
        return closed_page(request, kind, title)
    expires = administration.token_expires_at
    if expires is not None and expires < timezone.now():
        return closed_page(request, "expired", "This link has expired")
    if administration.available_from > timezone.localdate():
        return closed_page(
            request,
            "not_yet",
            "This questionnaire is not open yet",
            status=403,
            opens=administration.available_from,
        )
    return None


View = Callable[..., HttpResponse]


def by_token(view: View, allow_done: bool = False) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponse:
        found = (
            Administration.objects.select_related("client", "clinic")
            .filter(token_hash=tokens.hash_token(token))
            .first()
        )
        if found is None:
            return closed_page(request, "unknown", "This link does not work", status=404)
        closed = _closed(request, found, allow_done)
        if closed is not None:
            return closed
        return view(request, Access(found, None, Via.LINK, "fill", {"token": token}), **kwargs)

    return wrapper


def by_login(view: View, allow_done: bool = False) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or user.role != Role.CLIENT:
            raise Http404("No such questionnaire")
        found = (
            Administration.objects.select_related("client", "clinic")
            .filter(pk=pk, client__user=user)
            .first()
        )
        if found is None:
            raise Http404("No such questionnaire")
        closed = _closed(request, found, allow_done)
        if closed is not None:
            return closed
        return view(request, Access(found, user, Via.PORTAL, "portal", {"pk": pk}), **kwargs)

    return wrapper
