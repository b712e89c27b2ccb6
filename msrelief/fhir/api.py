"""FHIR R4 export for staff of the record's clinic (session login)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from ninja import Router
from ninja.security import django_auth

from msrelief.core.http import user_of
from msrelief.fhir.mapping import response_bundle
from msrelief.instruments import services

router = Router(tags=["fhir"], auth=django_auth)


@router.get(
    "/QuestionnaireResponse/{response_id}",
    operation_id="msrelief_api_fhir_questionnaire_response",  # kept when the router moved
    summary="A response as a FHIR Bundle: QuestionnaireResponse plus score Observations",
    response={200: dict[str, Any], 401: dict[str, Any], 404: dict[str, Any]},
    description=(
        "A response of another clinic, or none, is a 404 OperationOutcome; without a staff "
        "session, a 401 OperationOutcome."
    ),
)
def questionnaire_response(request: HttpRequest, response_id: int) -> Any:
    response = services.view_response(user_of(request), response_id)  # audited read; 404 outside
    return JsonResponse(response_bundle(response), content_type="application/fhir+json")
