"""The request an audit event belongs to, carried in a context variable so that service
functions need not be handed the request object."""

from __future__ import annotations

import logging
import uuid
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    remote_addr: str | None


# Outside a request (commands, tests calling services) each event gets its own id.
_current: ContextVar[RequestContext | None] = ContextVar("msrelief_request", default=None)


def current() -> RequestContext:
    return _current.get() or RequestContext(request_id=uuid.uuid4().hex, remote_addr=None)


def bind(ctx: RequestContext) -> object:
    return _current.set(ctx)


def unbind(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


REQUEST_ID_META_KEY = "msrelief.request_id"


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every log record: the X-Request-ID of the request being served
    (the id its audit events carry), or ``-`` outside a request."""

    def filter(self, record: logging.LogRecord) -> bool:
        ctx = _current.get()
        request = getattr(record, "request", None)  # django.request passes the request
        meta = getattr(request, "META", {})
        record.request_id = ctx.request_id if ctx else meta.get(REQUEST_ID_META_KEY, "-")
        return True
