"""NoStoreMiddleware: every page that can show health data is sent with Cache-Control: no-store;
the public evidence pages, the home page and static files are not."""

import json

import pytest
from django.urls import reverse

from msrelief.core.middleware import is_public_path
from msrelief.testing import assign


def assert_not_stored(response):
    assert "no-store" in response.get("Cache-Control", ""), response.get("Cache-Control")


def assert_storable(response):
    assert "no-store" not in response.get("Cache-Control", "")


def test_staff_pages_of_a_clinic_are_not_stored(client, therapist, ms_client):
    client.force_login(therapist)
    for url in (
        reverse("clients-dashboard"),
        reverse("clients-detail", args=[ms_client.pk]),
        reverse("instruments-measures", args=[ms_client.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_not_stored(response)


def test_the_audit_log_is_not_stored(client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.get(reverse("audit-log"))
    assert response.status_code == 200
    assert_not_stored(response)


def test_an_outsiders_not_found_page_is_not_stored_either(client, outsider, ms_client):
    client.force_login(outsider)
    response = client.get(reverse("clients-detail", args=[ms_client.pk]))
    assert response.status_code == 404
    assert_not_stored(response)


def test_a_questionnaire_link_page_is_not_stored(client, therapist, ms_client):
    _, token = assign(therapist, ms_client)
    response = client.get(reverse("fill-start", kwargs={"token": token}))
    assert response.status_code == 200
    assert_not_stored(response)


def test_the_client_portal_is_not_stored(client, person_with_ms):
    client.force_login(person_with_ms)
    response = client.get(reverse("portal-home"))
    assert_not_stored(response)


def test_the_login_page_is_not_stored(client, db):
    assert_not_stored(client.get(reverse("accounts-login")))


def test_a_score_from_the_api_is_not_stored(client, db):
    answers = json.dumps({str(n): 1 for n in range(1, 10)})
    response = client.post("/api/score/phq9", data=answers, content_type="application/json")
    assert response.status_code == 200
    assert_not_stored(response)


def test_fhir_answers_are_not_stored(client, therapist):
    client.force_login(therapist)
    response = client.get("/api/fhir/QuestionnaireResponse/999999")
    assert response.status_code == 404
    assert_not_stored(response)


@pytest.mark.parametrize(
    "url",
    ["/", "/evidence/", "/evidence/references/", "/evidence/claims/", "/api/evidence/references"],
)
def test_public_pages_may_be_cached(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_storable(response)


@pytest.mark.parametrize(
    ("path", "public"),
    [
        ("/", True),
        ("/static/css/app.css", True),
        ("/evidence/meta/", True),
        ("/api/evidence/meta", True),
        ("/clients/", False),
        ("/q/abc/", False),
        ("/me/", False),
        ("/api/fhir/QuestionnaireResponse/1", False),
        ("/api/score/phq9", False),
        ("/admin/", False),
        ("/evidencex/", False),
    ],
)
def test_only_the_listed_public_paths_are_public(path, public):
    assert is_public_path(path) is public
