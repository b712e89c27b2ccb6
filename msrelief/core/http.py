"""Small request helpers shared by views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict

if TYPE_CHECKING:
    from msrelief.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """A request behind a login decorator: its ``user`` is a msrelief User, not anonymous.
    Only for type checking; at run time every request is a plain HttpRequest."""

    user: User


def user_of(request: HttpRequest) -> User:
    """The logged-in user of a request that a login check has already let through (the
    admin site's views, for example); anyone else is refused."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied("Log in first.")
    return user


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data for binding a form, even when it is empty (an empty POST is still a
    submission: every field was left blank), and None for a GET."""
    return request.POST if request.method == "POST" else None


def attachment(content: str | bytes, filename: str, content_type: str) -> HttpResponse:
    """A download: ``content`` sent as a file named ``filename``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
