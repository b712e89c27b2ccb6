"""FHIR R4 export for staff of the record's clinic (session login)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, JsonResponse
from ninja import Router
from ninja.responses import Status
from ninja.security import django_auth

from msrelief.fhir.mapping import response_bundle
from msrelief.instruments import services

router = Router(tags=["fhir"], auth=django_auth)


@router.get(
    "/QuestionnaireResponse/{response_id}",
    operation_id="msrelief_api_fhir_questionnaire_response",  # kept when the router moved
    summary="A response as a FHIR Bundle: QuestionnaireResponse plus score Observations",
    response={200: dict[str, Any], 404: dict[str, str]},
)
def questionnaire_response(request: HttpRequest, response_id: int) -> Any:
    try:
        response = services.view_response(request.user, response_id)  # audited read
    except Http404:
        return Status(404, {"detail": "No such response"})
    return JsonResponse(response_bundle(response), content_type="application/fhir+json")
