"""django-otp-webauthn's JSON endpoints as msrelief serves them (accounts/views_passkeys.py):
reachable before the second factor, CSRF-protected, throttled, and a refused passkey counted
and audited as a wrong code is."""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from msrelief.accounts import signin_services
from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD_BACKEND, enrol_totp, make_passkey

BEGIN = reverse("otp_webauthn:credential-authentication-begin")
COMPLETE = reverse("otp_webauthn:credential-authentication-complete")
REGISTER = reverse("otp_webauthn:credential-registration-begin")
CATALOGUE = reverse("otp_webauthn:js-i18n-catalog")
DASHBOARD = reverse("clients-dashboard")


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def signed_in_with_password(client, user):
    client.force_login(user, backend=PASSWORD_BACKEND)
    return client


def post_json(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_before_the_second_factor_only_the_passkey_endpoints_are_reachable(client, clinic_admin):
    make_passkey(clinic_admin)
    signed_in_with_password(client, clinic_admin)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("accounts-verify"))
    begun = client.post(BEGIN)
    assert begun.status_code == 200
    options = begun.json()
    assert options["rpId"] == "localhost"
    assert len(options["allowCredentials"]) == 1  # the login's own passkey
    assert client.get(CATALOGUE).status_code == 200
    assert client.get(DASHBOARD)["Location"].startswith(reverse("accounts-verify"))


def test_an_admin_with_only_a_passkey_is_sent_to_the_code_page_not_to_app_set_up(
    client, clinic_admin
):
    make_passkey(clinic_admin)
    signed_in_with_password(client, clinic_admin)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("accounts-verify"))
    page = client.get(reverse("accounts-verify"))
    assert page.status_code == 200
    assert b'id="passkey-verification-button"' in page.content
    assert b'name="code"' not in page.content  # no app and no recovery codes: nothing to type


def test_nobody_signed_in_gets_no_passkey_challenge(client):
    refused = client.post(BEGIN)
    assert refused.status_code == 403
    assert refused.json()["code"] == "passwordless_login_disabled"


def test_the_endpoints_refuse_a_post_without_the_csrf_token(clinic_admin):
    make_passkey(clinic_admin)
    browser = signed_in_with_password(Client(enforce_csrf_checks=True), clinic_admin)
    assert browser.post(BEGIN).status_code == 403
    assert browser.post(REGISTER).status_code == 403
    assert "otp_webauthn_authentication_state" not in browser.session


def test_a_refused_passkey_is_audited_and_counts_towards_the_lockout(
    client, clinic_admin, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    make_passkey(clinic_admin)
    signed_in_with_password(client, clinic_admin)
    client.post(BEGIN)
    first = post_json(client, COMPLETE, {"id": "made-up"})
    assert first.status_code == 422
    assert signin_services.failures(clinic_admin) == 1
    failed = AuditEvent.objects.get(event="auth.2fa_failed")
    assert failed.changes["device"] == "passkey"

    client.post(BEGIN)
    locked = post_json(client, COMPLETE, {"id": "made-up"})
    assert (locked.status_code, locked.json()["code"]) == (403, "locked")
    assert "_auth_user_id" not in client.session  # the code step's session is ended
    assert AuditEvent.objects.filter(event="auth.locked").exists()


def test_completing_without_beginning_is_refused_and_counted(client, clinic_admin):
    make_passkey(clinic_admin)
    signed_in_with_password(client, clinic_admin)
    refused = post_json(client, COMPLETE)
    assert (refused.status_code, refused.json()["code"]) == (400, "invalid_state")
    assert signin_services.failures(clinic_admin) == 1


@pytest.mark.usefixtures("steady_clock")
def test_completing_shares_the_code_pages_throttle(client, clinic_admin, settings):
    settings.SIGN_IN_RATE = "2/10m"
    enrol_totp(clinic_admin)
    make_passkey(clinic_admin)
    signed_in_with_password(client, clinic_admin)
    client.post(reverse("accounts-verify"), {"code": "000000"})
    client.post(reverse("accounts-verify"), {"code": "000001"})
    over = post_json(client, COMPLETE)
    assert over.status_code == 429
    assert over.json()["code"] == "throttled"
    assert int(over["Retry-After"]) > 0
    assert AuditEvent.objects.get(event="auth.throttled").changes == {"page": "verify"}


def test_no_new_passkey_before_the_existing_second_factor_is_given(client, clinic_admin):
    enrol_totp(clinic_admin)
    signed_in_with_password(client, clinic_admin)
    refused = client.post(REGISTER)
    assert refused.status_code == 403
    assert "otp_webauthn_register_state" not in client.session


def test_a_login_without_a_second_factor_may_begin_adding_a_passkey(client, clinic_admin):
    signed_in_with_password(client, clinic_admin)
    begun = client.post(REGISTER)
    assert begun.status_code == 200
    options = begun.json()
    assert (options["rp"], options["user"]["name"]) == (
        {"name": "msrelief", "id": "localhost"},
        clinic_admin.email,
    )


def test_a_client_login_cannot_begin_adding_a_passkey(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.post(REGISTER).status_code == 403


def test_the_endpoints_are_off_when_passkeys_are(client, clinic_admin, settings):
    settings.PASSKEYS_ENABLED = False
    client.force_login(clinic_admin)
    assert client.post(REGISTER).status_code == 404
    assert client.post(BEGIN).status_code == 404
