"""POST /api/screen: the screen for clinic staff, with bad answers refused by field."""

from __future__ import annotations

import json
from typing import Any

import pytest

URL = "/api/screen"
TODAY = "2025-06-10"


def post(client: Any, body: Any) -> Any:
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_a_therapist_gets_the_strictest_outcome_and_every_fired_rule(client, therapist):
    client.force_login(therapist)
    response = post(client, {"date": TODAY, "dvt_signs": True, "heat_sensitive": True})
    assert response.status_code == 200
    body = response.json()
    assert (body["outcome"], body["urgency"]) == ("REFER", "urgent_same_day")
    assert [rule["id"] for rule in body["rules"]] == ["R06", "R21"]
    assert body["rules"][0]["citations"][0] == "nhs_dvt"
    assert body["adaptations"][0]["key"] == "no_massage_anywhere"
    assert "NHS 111" in body["messages"][0]["text"]
    assert body["ruleset_version"] == "ms-screen-1"


def test_the_api_gives_the_same_result_as_the_command(client, colleague):
    from msrelief.screening import screen_json

    answers = {"date": TODAY, "relapse_onset": "2025-06-01", "sensory_loss_areas": ["feet"]}
    client.force_login(colleague)
    assert post(client, answers).json() == screen_json(answers)


def test_a_clinic_admin_may_screen_too(client, clinic_admin):
    client.force_login(clinic_admin)
    assert post(client, {"date": TODAY}).json()["outcome"] == "GO"


def test_without_a_login_the_screen_is_refused_401(client):
    assert post(client, {"date": TODAY}).status_code == 401


def test_a_client_login_is_refused_403_as_the_screen_is_for_staff(client, person_with_ms):
    client.force_login(person_with_ms)
    response = post(client, {"date": TODAY})
    assert response.status_code == 403
    assert response.json() == {"detail": "The safety screen is for clinic staff."}


@pytest.mark.parametrize(
    ("body", "field", "problem"),
    [
        ({"heat_sensitive": True}, "date", "is required"),
        ({"date": "10/06/2025"}, "date", "must be a date written YYYY-MM-DD"),
        ({"date": TODAY, "dvt_signs": "yes"}, "dvt_signs", "must be true or false"),
        ({"date": TODAY, "heat_sensitiv": True}, "heat_sensitiv", "did you mean 'heat_sensitive'"),
        (
            {"date": TODAY, "last_infusion": {"drug": "rituximab", "date": TODAY}},
            "last_infusion.drug",
            "must be one of",
        ),
    ],
)
def test_bad_answers_are_a_400_naming_the_field(client, therapist, body, field, problem):
    client.force_login(therapist)
    response = post(client, body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert problem in errors[field][0]
    assert response.json()["detail"].startswith(f"{field}: ")


def test_every_bad_field_is_named_at_once(client, therapist):
    client.force_login(therapist)
    response = post(client, {"dvt_signs": 1, "falls_last_year": -2})
    assert response.status_code == 400
    assert sorted(response.json()["errors"]) == ["date", "dvt_signs", "falls_last_year"]


@pytest.mark.parametrize("body", ["[1, 2]", '"answers"', "{not json"])
def test_a_body_that_is_not_a_json_object_is_a_400(client, therapist, body):
    client.force_login(therapist)
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_logged_in_post_without_the_csrf_token_is_refused(therapist):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(therapist)
    assert post(client, {"date": TODAY}).status_code == 403


def test_an_empty_body_is_a_400_naming_the_answers(client, therapist):
    client.force_login(therapist)
    response = client.post(URL, data="", content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["answers"]
