"""Answers the API's edge gives before a handler runs: a body that does not fit the operation's
schema is a 400 naming each field by its path, and an operation that needs a staff session
answers 401 without one (a FHIR OperationOutcome under /api/fhir/)."""

import json


def test_a_body_missing_a_required_field_is_a_400_naming_it_not_ninjas_422(client, db):
    answer = client.post("/api/evidence/meta", "{}", content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["errors"] == {"measure": ["Field required"]}
    assert "measure" in answer.json()["detail"]


def test_a_mistyped_field_is_named_without_ninjas_body_prefix(client, db):
    body = {"measure": "MD", "csv": "yi,vi\n0.1,0.2\n0.3,0.1\n", "hksj": "perhaps"}
    answer = client.post("/api/evidence/meta", json.dumps(body), content_type="application/json")
    assert answer.status_code == 400
    assert list(answer.json()["errors"]) == ["hksj"]


def test_without_a_session_fhir_answers_401_with_an_operation_outcome(client, db):
    answer = client.get("/api/fhir/QuestionnaireResponse/1")
    assert answer.status_code == 401
    assert answer["Content-Type"] == "application/fhir+json"
    outcome = answer.json()
    assert outcome["resourceType"] == "OperationOutcome"
    assert outcome["issue"][0]["code"] == "login"


def test_without_a_session_the_screen_answers_401_in_the_apis_own_shape(client, db):
    answer = client.post("/api/screen", "{}", content_type="application/json")
    assert answer.status_code == 401
    assert "Sign in" in answer.json()["detail"]


def test_the_schema_documents_the_edge_answers_of_every_operation(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path, operations in paths.items():
        for operation in operations.values():
            answers = operation["responses"]
            if "requestBody" in operation:
                assert "413" in answers, path
            if operation.get("security"):
                assert "401" in answers, path
            if path.startswith("/api/fhir/"):
                assert all("application/json" not in a.get("content", {}) for a in answers.values())


def test_a_nul_character_in_a_body_is_a_400_naming_where_it_is(client, db):
    body = '{"measure": "GEN", "rows": [{"study": "A\\u0000", "yi": 0.5, "vi": 0.04}]}'
    response = client.post("/api/evidence/meta", body, content_type="application/json")
    assert response.status_code == 400
    assert "the text at rows[0].study holds a NUL character" in response.json()["detail"]
