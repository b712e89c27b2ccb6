"""Gives every request an id (echoed in the X-Request-ID header) for the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from msrelief.audit import context


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ctx = context.RequestContext(
            request_id=uuid.uuid4().hex, remote_addr=request.META.get("REMOTE_ADDR") or None
        )
        # Django logs a failed response after the middleware has returned; the log filter
        # finds the id here then (context.RequestIdFilter).
        request.META[context.REQUEST_ID_META_KEY] = ctx.request_id
        token = context.bind(ctx)
        try:
            response = self.get_response(request)
        finally:
            context.unbind(token)
        response["X-Request-ID"] = ctx.request_id
        return response
