"""Who a reader is, from the request: their login, or two signed cookies.

- ``msrelief_reader`` holds a random id, set when an anonymous reader first rates a page, so
  that rating again replaces their rating (kept a year).
- ``msrelief_comments`` lists the comments this browser posted, for as long as they may still
  be edited (``MSRELIEF_COMMENT_EDIT_MINUTES``).

Both are signed with the secret key, so a reader cannot claim another's rating or comment by
editing a cookie. Neither is read by any script (HttpOnly) or sent to another site (SameSite).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from msrelief.learn.services import Reader, edit_window

READER_COOKIE = "msrelief_reader"
COMMENTS_COOKIE = "msrelief_comments"
_READER_SALT = "msrelief.learn.reader"
_COMMENTS_SALT = "msrelief.learn.comments"
READER_DAYS = 365
MAX_REMEMBERED_COMMENTS = 20


def _comment_ids(request: HttpRequest) -> list[int]:
    seconds = int(edit_window().total_seconds())
    raw = request.get_signed_cookie(COMMENTS_COOKIE, "", salt=_COMMENTS_SALT, max_age=seconds)
    return [int(part) for part in str(raw).split(",") if part.isdigit()]


def reader_of(request: HttpRequest) -> Reader:
    reader_id = str(request.get_signed_cookie(READER_COOKIE, "", salt=_READER_SALT))
    return Reader.of(request.user, reader_id, _comment_ids(request))


def with_reader_id(request: HttpRequest) -> tuple[Reader, str | None]:
    """The reader, given a new id when they are anonymous and have none (then returned, for
    :func:`remember_reader`)."""
    reader = reader_of(request)
    if reader.user is None and not reader.reader_id:
        new = secrets.token_urlsafe(18)
        return Reader.of(request.user, new, reader.comment_ids), new
    return reader, None


def _cookie_options() -> dict[str, Any]:
    return {"httponly": True, "samesite": "Lax", "secure": bool(settings.SESSION_COOKIE_SECURE)}


def remember_reader(response: HttpResponse, reader_id: str | None) -> None:
    if reader_id:
        response.set_signed_cookie(
            READER_COOKIE,
            reader_id,
            salt=_READER_SALT,
            max_age=READER_DAYS * 24 * 60 * 60,
            **_cookie_options(),
        )


def remember_comment(request: HttpRequest, response: HttpResponse, comment_id: int) -> None:
    ids = [*_comment_ids(request), comment_id][-MAX_REMEMBERED_COMMENTS:]
    response.set_signed_cookie(
        COMMENTS_COOKIE,
        ",".join(str(i) for i in ids),
        salt=_COMMENTS_SALT,
        max_age=int(edit_window().total_seconds()),
        **_cookie_options(),
    )
