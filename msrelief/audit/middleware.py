"""Gives every request an id (echoed in the X-Request-ID header) and the client's address
(behind a trusted proxy, the one it forwarded: msrelief.lib.proxies) for the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from msrelief.audit import context
from msrelief.lib import proxies


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        address = proxies.from_meta(request.META, settings.TRUSTED_PROXIES)
        ctx = context.RequestContext(
            request_id=uuid.uuid4().hex, remote_addr=str(address) if address else None
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
