import json
from pathlib import Path

import pytest

from msrelief.fhir.mapping import observations, questionnaire_response, response_bundle
from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO, assert_matches_snapshot

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def stored(ms_client, therapist):
    return services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": 2})


def test_a_response_maps_to_a_valid_questionnaire_response(stored):
    resource = questionnaire_response(stored)
    assert resource["questionnaire"] == "urn:msrelief:questionnaire:phq9|1.0"
    assert resource["item"][0] == {"linkId": "1", "answer": [{"valueInteger": 2}]}
    assert len(resource["item"]) == 9


def test_the_total_becomes_an_observation_with_its_loinc_code(stored):
    [total] = observations(stored, stored.scores.get())
    assert total["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "44261-6",
        "display": "PHQ-9 Total score",
    }
    assert total["valueQuantity"]["value"] == 2.0
    assert total["interpretation"] == [{"text": "none-minimal"}]


def test_a_subscale_without_a_loinc_code_uses_msrelief_codes_not_invented_ones(
    ms_client, therapist
):
    answers = {str(n): 1 for n in range(1, 22)}
    stored = services.enter_response(therapist, ms_client, "dass21", answers)
    codes = {o["code"]["coding"][0]["system"] for o in observations(stored, stored.scores.get())}
    assert "urn:msrelief:score" in codes


def test_the_bundle_matches_its_committed_snapshot(stored):
    bundle = response_bundle(stored)
    # Ids and times vary by run; the snapshot fixes the shape and codes.
    text = json.dumps(bundle, indent=2, sort_keys=True)
    text = text.replace(stored.submitted_at.isoformat(), "SUBMITTED_AT")
    text = text.replace(f"Patient/{stored.client_id}", "Patient/CLIENT")
    text = text.replace(f"response-{stored.pk}", "response-ID")
    assert_matches_snapshot(text + "\n", GOLDEN / "phq9-bundle.json")


def test_the_fhir_endpoint_serves_the_bundle_to_clinic_staff_only(
    client, stored, colleague, outsider
):
    url = f"/api/fhir/QuestionnaireResponse/{stored.pk}"
    client.force_login(colleague)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert response.json()["resourceType"] == "Bundle"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 401
