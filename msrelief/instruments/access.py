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
        return render(
            request, "instruments/fill_closed.html", {"kind": kind, "title": title}, status=410
        )
    expires = administration.token_expires_at
    if expires is not None and expires < timezone.now():
        return render(
            request,
            "instruments/fill_closed.html",
            {"kind": "expired", "title": "This link has expired"},
            status=410,
        )
    if administration.available_from > timezone.localdate():
        return render(
            request,
            "instruments/fill_closed.html",
            {
                "kind": "not_yet",
                "title": "This questionnaire is not open yet",
                "opens": administration.available_from,
            },
            status=403,
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
            return render(
                request,
                "instruments/fill_closed.html",
                {"kind": "unknown", "title": "This link does not work"},
                status=404,
            )
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
