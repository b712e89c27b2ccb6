"""The per-address throttle of the sign-in pages (accounts/lockout.sign_in_throttled): over
settings.SIGN_IN_RATE POSTs from one address, a 429 plain page, audited once."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD, PASSWORD_BACKEND, enrol_totp

LOGIN = reverse("accounts-login")


@pytest.fixture
def strict(settings, steady_clock):
    cache.clear()
    settings.SIGN_IN_RATE = "3/10m"
    return settings


def test_the_fourth_login_post_from_one_address_is_refused_with_429_and_retry_after(
    client, therapist, strict
):
    for n in range(3):
        email = f"guess{n}@harbour.test"  # a different login each time: per address, not login
        assert client.post(LOGIN, {"username": email, "password": "x"}).status_code == 200
    refused = client.post(LOGIN, {"username": therapist.email, "password": PASSWORD})
    assert refused.status_code == 429
    assert "Too many tries from your address" in refused.text
    assert 0 < int(refused["Retry-After"]) <= 600
    assert "_auth_user_id" not in client.session


def test_another_address_is_not_held_back(client, therapist, strict):
    for _ in range(4):
        client.post(LOGIN, {"username": "x@harbour.test", "password": "x"})
    other = client.post(
        LOGIN, {"username": therapist.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert other.status_code == 302


def test_only_the_first_refusal_in_a_period_is_audited(client, db, strict):
    for _ in range(8):
        client.post(LOGIN, {"username": "x@harbour.test", "password": "x"})
    event = AuditEvent.objects.get(event="auth.throttled")
    assert event.changes == {"page": "login"}


def test_the_code_step_and_the_reset_form_are_throttled_too(client, clinic_admin, strict):
    enrol_totp(clinic_admin)
    client.force_login(clinic_admin, backend=PASSWORD_BACKEND)
    codes = [client.post(reverse("accounts-verify"), {"code": "1"}).status_code for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    resets = [
        client.post(reverse("accounts-reset"), {"email": "x@harbour.test"}).status_code
        for _ in range(4)
    ]
    assert resets == [302, 302, 302, 429]


def test_a_page_view_is_never_counted(client, db, strict):
    for _ in range(10):
        assert client.get(LOGIN).status_code == 200
