"""RequestLimitsMiddleware: over-size bodies and over-deep JSON are refused before any view."""

import json

from django.urls import reverse

from msrelief.lib.limits import MAX_REQUEST_BYTES


def test_a_body_over_the_limit_is_a_413_naming_the_limit_on_a_page(client, db):
    response = client.post(
        reverse("evidence-meta"), data="x" * (MAX_REQUEST_BYTES + 1), content_type="text/csv"
    )
    assert response.status_code == 413
    assert response.text == "The request is 2.5 MB; the limit is 2.5 MB."


def test_a_body_over_the_limit_is_a_413_json_answer_on_the_api(client, db):
    body = json.dumps({"measure": "GEN", "csv": "y" * 3_000_000})
    response = client.post("/api/evidence/meta", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "The request is 3 MB; the limit is 2.5 MB."}


def test_a_body_within_the_limit_reaches_the_view(client, db):
    data = {"measure": "GEN", "method": "REML", "csv_text": "x" * 1000}
    response = client.post(reverse("evidence-meta"), data)
    assert response.status_code == 400  # the view's own error: no usable header
    assert "missing column" in response.text


def test_json_nested_deeper_than_the_limit_is_a_400_naming_the_limit(client, db):
    body = '{"measure": "GEN", "rows": ' + "[" * 65 + "]" * 65 + "}"
    response = client.post("/api/evidence/meta", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request body cannot be used: "
        "the JSON is nested more than 64 levels deep (the limit)."
    }


def test_json_that_does_not_parse_is_a_400_naming_the_line_and_column(client, db):
    response = client.post("/api/score/phq9", data='{"1": }', content_type="application/json")
    assert response.status_code == 400
    assert "not valid JSON (line 1, column 7" in response.json()["detail"]


def test_a_get_is_never_refused_by_the_body_checks(client, db):
    assert client.get(reverse("evidence-meta")).status_code == 200
