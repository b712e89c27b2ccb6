"""POST /api/screen: the pre-session safety screen, as `msrelief screen` runs it.

For clinic staff with a session login (anyone else: 401, or 403 for a login that is not
staff). Nothing is stored. Bad answers are a ValidationError with each field named, which the
API's one error handler turns into a 400 (:mod:`msrelief.core.errors`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from msrelief.core.http import user_of
from msrelief.lib import bounded_json
from msrelief.screening import AnswersError, screen_json

router = Router(tags=["safety"], auth=django_auth)


class ScreenAdaptationOut(Schema):
    key: str
    label: str
    where: list[str]


class ScreenMessageOut(Schema):
    key: str
    text: str


class FiredRuleOut(Schema):
    id: str
    title: str
    outcome: str
    urgency: str | None
    reason: str
    citations: list[str]
    grade: str
    grade_note: str | None
    threshold_note: str | None
    threshold_source: list[str] | None
    threshold_sourced: bool | None
    adaptations: list[str]
    messages: list[str]


class ScreenOut(Schema):
    outcome: str
    urgency: str | None
    messages: list[ScreenMessageOut]
    rules: list[FiredRuleOut]
    adaptations: list[ScreenAdaptationOut]
    standing_precautions: list[ScreenAdaptationOut]
    unanswered: list[str]
    ruleset_version: str
    clinical_review: str


class ScreenErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


#: The request body as the OpenAPI schema shows it (the body is read by the handler, so that
#: anything but a JSON object is a 400 naming ``answers``, like every other bad answer).
ANSWERS_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "title": "Answers",
                "description": "The screen's answers by key (docs/screening.md); `date` "
                "(YYYY-MM-DD) is required, a key left out counts as no.",
                "required": ["date"],
                "additionalProperties": True,
            },
            "example": {"date": "2025-06-10", "heat_sensitive": True, "falls_last_year": 1},
        }
    },
}


@router.post(
    "",
    operation_id="msrelief_api_screen",
    response={200: ScreenOut, 400: ScreenErrorOut, 401: ScreenErrorOut, 403: ScreenErrorOut},
    summary="Run the pre-session safety screen on one set of answers",
    description="The body is the answers object of `msrelief screen` (docs/screening.md lists "
    "every key; only `date` is required). The answer is the strictest outcome, every rule that "
    "fired with its reason, citations and grade, the adaptations and the UK messages to show. "
    "Nothing is stored. Clinic staff only.",
    openapi_extra={"requestBody": ANSWERS_BODY},
)
def screen(request: HttpRequest) -> dict[str, Any]:
    if not user_of(request).is_clinic_staff:
        raise PermissionDenied("The safety screen is for clinic staff.")
    try:
        return screen_json(bounded_json.loads(request.body))
    except bounded_json.JsonInputError as error:
        raise ValidationError({"answers": [str(error)]}) from None
    except AnswersError as error:
        by_field: dict[str, list[str]] = {}
        for field, problem in error.problems:
            by_field.setdefault(field, []).append(problem)
        raise ValidationError(by_field) from None
