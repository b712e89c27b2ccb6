"""The one NinjaAPI instance. Each app owns its router (``<app>/api.py``) and adds it here."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import Throttled
from ninja.parser import Parser

from msrelief.core import errors, ratelimit
from msrelief.evidence.api import router as evidence_router
from msrelief.fhir.api import router as fhir_router
from msrelief.instruments.api import router as scoring_router
from msrelief.lib import bounded_json
from msrelief.safety.api import router as safety_router


class BoundedJsonParser(Parser):
    """Request bodies parsed with the nesting limit of :mod:`msrelief.lib.bounded_json`.

    :class:`~msrelief.core.request_limits.RequestLimitsMiddleware` has already refused a body that
    fails here, with a message saying why; this keeps the API safe without the middleware too.
    """

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return cast(dict[str, Any], bounded_json.loads(request.body))


api = NinjaAPI(
    parser=BoundedJsonParser(),
    title="msrelief API",
    version="1",
    description=(
        "Scoring of outcome measures, the pre-session safety screen, the evidence base "
        "(meta-analysis, references as CSL-JSON) and FHIR R4 export of msrelief records."
    ),
    urls_namespace="api",
)


def service_error(request: HttpRequest, error: Any) -> HttpResponse:
    """A service's ValidationError, PermissionDenied or Http404, answered the one way this edge
    does (:mod:`msrelief.core.errors`): JSON with the fields named, or under /api/fhir/ a FHIR
    OperationOutcome."""
    status = errors.api_status(error)
    if request.path.startswith(FHIR_PREFIX):
        return JsonResponse(
            errors.operation_outcome(error), status=status, content_type="application/fhir+json"
        )
    return JsonResponse(errors.api_body(error), status=status)


FHIR_PREFIX = "/api/fhir/"
api.add_exception_handler(Throttled, ratelimit.api_throttled)
for _kind in (ValidationError, PermissionDenied, Http404):
    api.add_exception_handler(_kind, service_error)
api.add_router("/score", scoring_router)
api.add_router("/fhir", fhir_router)
api.add_router("/evidence", evidence_router)
api.add_router("/screen", safety_router)
