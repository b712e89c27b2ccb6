"""FHIR R4 export for staff of the record's clinic (session login). Like every staff page and
the API's screen: 401 without a session, 403 for a session that is not staff (whatever the id),
404 for a response of another clinic or none (docs/security.md)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
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
    response={200: dict[str, Any], 401: dict[str, Any], 403: dict[str, Any], 404: dict[str, Any]},
    description=(
        "A response of another clinic, or none, is a 404 OperationOutcome; without a session, "
        "a 401 OperationOutcome; a session that is not clinic staff (a client's), a 403 "
        "OperationOutcome, whatever the id."
    ),
)
def questionnaire_response(request: HttpRequest, response_id: int) -> Any:
    user = user_of(request)
    if not user.is_clinic_staff:  # refused before any look-up: the answer says nothing of the id
        raise PermissionDenied("FHIR export is for clinic staff.")
    response = services.view_response(user, response_id)  # audited read; 404 outside the clinic
    return JsonResponse(response_bundle(response), content_type="application/fhir+json")
