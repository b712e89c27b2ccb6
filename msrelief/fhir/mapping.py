"""QuestionnaireResponse and Observation resources for a stored response and its score.

Observations carry the LOINC code of the score where the instrument definition gives one, and
otherwise a code in msrelief's own system, so nothing is labelled with a code it does not have.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from msrelief.instruments.models import Response, Score
from msrelief.scoring import get_definition
from msrelief.scoring.definition import Definition

LOINC = "http://loinc.org"
LOCAL_SCORES = "urn:msrelief:score"
ANSWER_SYSTEM = "urn:msrelief:answer-value"


def _patient(response: Response) -> dict[str, str]:
    return {"reference": f"Patient/{response.client_id}"}


def _answer(value: float) -> dict[str, Any]:
    if float(value).is_integer():
        return {"valueInteger": int(value)}
    return {"valueDecimal": value}


def questionnaire_response(response: Response) -> dict[str, Any]:
    definition = get_definition(response.instrument_code, response.instrument_version)
    url = definition.questionnaire.get("url", f"urn:msrelief:questionnaire:{definition.code}")
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": f"response-{response.pk}",
        "questionnaire": f"{url}|{definition.version}",
        "status": "amended" if response.supersedes_id else "completed",
        "subject": _patient(response),
        "authored": response.submitted_at.isoformat(),
        "item": [
            {"linkId": link_id, "answer": [_answer(float(response.answers[link_id]))]}
            for link_id in definition.item_ids
            if link_id in response.answers
        ],
    }
    QuestionnaireResponse.model_validate(resource)
    return resource


def _code(definition: Definition, name: str) -> dict[str, Any]:
    spec = definition.score_spec(name)
    label = f"{definition.spec.short_title} {spec.label}"
    if spec.loinc:
        return {"coding": [{"system": LOINC, "code": spec.loinc, "display": label}], "text": label}
    code = f"{definition.code}.{name}"
    return {"coding": [{"system": LOCAL_SCORES, "code": code, "display": label}], "text": label}


def observations(response: Response, score: Score) -> list[dict[str, Any]]:
    """One Observation per score (total and subscales) that has a value."""
    definition = get_definition(response.instrument_code, response.instrument_version)
    values = {"total": score.total, **score.subscales}
    found = []
    for name in definition.score_names:
        value = values.get(name)
        if value is None:
            continue
        spec = definition.score_spec(name)
        resource = {
            "resourceType": "Observation",
            "id": f"response-{response.pk}-{name}",
            "status": "final",
            "category": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                            "code": "survey",
                        }
                    ]
                }
            ],
            "code": _code(definition, name),
            "subject": _patient(response),
            "effectiveDateTime": response.answered_at.isoformat(),
            "valueQuantity": {"value": value, **({"unit": spec.unit} if spec.unit else {})},
            "derivedFrom": [{"reference": f"QuestionnaireResponse/response-{response.pk}"}],
            "note": [{"text": f"Scored by {score.scoring_version}"}],
        }
        if name == "total" and score.band:
            resource["interpretation"] = [{"text": score.band}]
        Observation.model_validate(resource)
        found.append(resource)
    return found


def response_bundle(response: Response) -> dict[str, Any]:
    """A collection Bundle: the QuestionnaireResponse and the Observations of its latest score."""
    latest = response.scores.order_by("-computed_at", "-id").first()
    resources = [questionnaire_response(response)]
    if latest is not None:
        resources += observations(response, latest)
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": f"urn:msrelief:{r['resourceType']}/{r['id']}", "resource": r}
            for r in resources
        ],
    }
    Bundle.model_validate(bundle)
    return bundle
