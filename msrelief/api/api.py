"""The one NinjaAPI instance. Each app owns its router (``<app>/api.py``) and adds it here."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled
from ninja.errors import ValidationError as RequestShapeError
from ninja.parser import Parser

from msrelief.api.docs import BundledSwagger
from msrelief.core import api_throttle, errors
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


class Api(NinjaAPI):
    """The NinjaAPI whose schema also documents the answers every operation of a kind can get
    from the edge rather than from its handler, so that the schema is the whole contract:

    * 413 for a body over the size limit (:mod:`msrelief.core.request_limits`), on every
      operation that takes a body;
    * 401 without a staff session, on every operation that needs one;
    * 400 for a path or query parameter of the wrong type, on every operation that has one;
    * FHIR's own media type, ``application/fhir+json``, on every answer under /api/fhir/.
    """

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["EdgeErrorOut"] = {
            "title": "EdgeErrorOut",
            "type": "object",
            "properties": {"detail": {"title": "Detail", "type": "string"}},
            "required": ["detail"],
        }
        components["OperationOutcome"] = {
            "title": "OperationOutcome",
            "description": "A FHIR R4 OperationOutcome: one issue per problem.",
            "type": "object",
            "properties": {
                "resourceType": {"const": "OperationOutcome"},
                "issue": {"type": "array", "items": {"type": "object"}, "minItems": 1},
            },
            "required": ["resourceType", "issue"],
        }
        for path, operations in schema["paths"].items():
            fhir = path.startswith(FHIR_PREFIX)
            name = "OperationOutcome" if fhir else "EdgeErrorOut"
            error = {"$ref": f"#/components/schemas/{name}"}
            for operation in operations.values():
                answers = operation.setdefault("responses", {})
                if "requestBody" in operation:
                    answers.setdefault(
                        413,
                        {
                            "description": "The body is over the size limit",
                            "content": {"application/json": {"schema": error}},
                        },
                    )
                if operation.get("parameters"):
                    answers.setdefault(
                        400,
                        {
                            "description": "A parameter of the wrong type",
                            "content": {"application/json": {"schema": error}},
                        },
                    )
                if operation.get("security"):
                    answers.setdefault(
                        401,
                        {
                            "description": "Not signed in",
                            "content": {"application/json": {"schema": error}},
                        },
                    )
                if fhir:
                    for answer in answers.values():
                        content = answer.get("content", {})
                        if "application/json" in content:
                            content["application/fhir+json"] = content.pop("application/json")
        return schema


api = Api(
    parser=BoundedJsonParser(),
    title="msrelief API",
    version="1",
    description=(
        "Scoring of outcome measures, the pre-session safety screen, the evidence base "
        "(meta-analysis, references as CSL-JSON) and FHIR R4 export of msrelief records."
    ),
    urls_namespace="api",
    docs=BundledSwagger(),
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


def request_shape_error(request: HttpRequest, error: Any) -> HttpResponse:
    """A request that does not fit the operation's schema (a missing or mistyped field, found
    by django-ninja before any service runs) is a 400 like any other bad input, with each field
    named by its path (``answers``, ``studies.2.yi``), not ninja's own 422 shape."""
    fields: dict[str, list[str]] = {}
    for problem in error.errors:
        where = [str(part) for part in problem.get("loc", ()) if part not in ("body", "payload")]
        fields.setdefault(".".join(where) or "body", []).append(str(problem.get("msg", "invalid")))
    return service_error(request, ValidationError(fields))


def not_signed_in(request: HttpRequest, error: Any) -> HttpResponse:
    """401 for an operation that needs a staff session, in the edge's own shape (a FHIR
    OperationOutcome with code ``login`` under /api/fhir/)."""
    detail = "Sign in first: this operation needs a staff session."
    if request.path.startswith(FHIR_PREFIX):
        issue = {"severity": "error", "code": "login", "diagnostics": detail}
        outcome = {"resourceType": "OperationOutcome", "issue": [issue]}
        return JsonResponse(outcome, status=401, content_type="application/fhir+json")
    return JsonResponse({"detail": detail}, status=401)


FHIR_PREFIX = "/api/fhir/"
api.add_exception_handler(RequestShapeError, request_shape_error)
api.add_exception_handler(AuthenticationError, not_signed_in)
api.add_exception_handler(Throttled, api_throttle.api_throttled)
for _kind in (ValidationError, PermissionDenied, Http404):
    api.add_exception_handler(_kind, service_error)
api.add_router("/score", scoring_router)
api.add_router("/fhir", fhir_router)
api.add_router("/evidence", evidence_router)
api.add_router("/screen", safety_router)
