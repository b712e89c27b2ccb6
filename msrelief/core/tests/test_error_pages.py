"""msrelief's own error pages (404, 403, an expired form), in the house voice with a way back.
The demo runs with DEBUG off so that it shows them too (scripts/serve-demo.sh)."""

from django.test import Client
from django.urls import reverse


def test_an_unknown_address_gets_the_own_not_found_page_with_ways_back(client, therapist):
    client.force_login(therapist)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text
    assert f'<a href="{reverse("clients-dashboard")}">Go to your clients</a>' in response.text
    assert f'<a href="{reverse("home")}">Go to the start page</a>' in response.text


def test_a_therapist_on_a_clinic_admin_page_gets_the_own_not_allowed_page(client, therapist):
    client.force_login(therapist)
    response = client.get(reverse("audit-log"))
    assert response.status_code == 403
    assert "<h1>You cannot open this page</h1>" in response.text
    assert "ask your clinic admin" in response.text
    assert "Go to your clients</a>" in response.text


def test_a_form_sent_without_its_security_token_gets_the_own_expired_page(db):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("accounts-login"), {"username": "a@b.test", "password": "x"})
    assert response.status_code == 403
    assert "<h1>This form has expired</h1>" in response.text
    assert "Nothing you sent has been saved." in response.text
    assert "CSRF verification failed" not in response.text


def test_the_demo_script_turns_debug_off_unless_told_otherwise(settings):
    script = (settings.BASE_DIR / "scripts" / "serve-demo.sh").read_text()
    assert "export MSRELIEF_DEBUG=${MSRELIEF_DEBUG:-false}" in script


def test_with_debug_off_outside_production_the_css_is_still_served(settings, db):
    assert settings.DEBUG is False and not settings.PRODUCTION
    response = Client().get("/static/css/app.css")
    assert response.status_code == 200
    assert b".table-stack" in b"".join(response.streaming_content)
