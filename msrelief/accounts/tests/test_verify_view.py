"""The code step of signing in (accounts-verify): after the password, a login with an
authenticator app gives its code (or a recovery code) before any other page opens."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD, enrol_totp, next_code

LOGIN, VERIFY = reverse("accounts-login"), reverse("accounts-verify")
DASHBOARD = reverse("clients-dashboard")


def password(client, user, next_page=""):
    url = f"{LOGIN}?next={next_page}" if next_page else LOGIN
    return client.post(url, {"username": user.email, "password": PASSWORD})


@pytest.fixture
def enrolled_admin(clinic_admin):
    enrol_totp(clinic_admin)
    return clinic_admin


def test_after_the_password_every_page_asks_for_the_code_first_and_keeps_next(
    client, enrolled_admin, ms_client
):
    record = reverse("clients-detail", args=[ms_client.pk])
    landed = client.get(password(client, enrolled_admin, record)["Location"])
    assert landed.status_code == 302
    assert landed["Location"] == f"{VERIFY}?next={record.replace('/', '%2F')}"
    page = client.get(landed["Location"])
    assert "Code from your authenticator app" in page.text
    done = client.post(landed["Location"], {"code": next_code(enrolled_admin), "next": record})
    assert done["Location"] == record
    assert client.get(record).status_code == 200
    assert AuditEvent.objects.filter(event="auth.2fa_verified", actor=enrolled_admin).exists()


def test_a_wrong_code_is_a_clear_error_on_the_code_field_and_is_audited(client, enrolled_admin):
    password(client, enrolled_admin)
    response = client.post(VERIFY, {"code": "12345x"})
    assert response.status_code == 400
    assert response.context["form"].errors["code"][0].startswith("This code is not right.")
    assert "There is a problem" in response.text
    assert AuditEvent.objects.filter(event="auth.2fa_failed").count() == 1
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_a_recovery_code_signs_in_when_the_phone_is_lost(client, clinic_admin):
    codes = enrol_totp(clinic_admin)
    password(client, clinic_admin)
    assert client.post(VERIFY, {"code": codes[0]})["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    assert AuditEvent.objects.filter(event="auth.recovery_code_used").count() == 1


def test_ten_wrong_codes_in_a_row_lock_the_login_and_end_the_session(client, enrolled_admin):
    password(client, enrolled_admin)
    start = timezone.now()
    for attempt in range(9):  # each try waits out django-otp's back-off
        with time_machine.travel(start + timedelta(seconds=70 * attempt), tick=False):
            assert client.post(VERIFY, {"code": "000000"}).status_code == 400
    with time_machine.travel(start + timedelta(seconds=70 * 9), tick=False):
        locked = client.post(VERIFY, {"code": "000000"})
        assert locked.status_code == 403
        assert "This login is locked" in locked.text
        assert client.get(DASHBOARD)["Location"].startswith(LOGIN)  # signed out
        again = password(client, enrolled_admin)  # the right password is refused too
        assert again.status_code == 403 and "This login is locked" in again.text
    assert AuditEvent.objects.filter(event="auth.locked").count() == 1


def test_a_login_without_an_app_is_sent_on_from_the_code_step(client, therapist):
    password(client, therapist)
    assert client.get(VERIFY)["Location"] == DASHBOARD


def test_a_client_is_never_asked_for_a_code(client, person_with_ms):
    password(client, person_with_ms)
    assert client.get(reverse("portal-home")).status_code == 200


def test_a_code_typed_during_the_back_off_says_how_long_to_wait(client, enrolled_admin):
    password(client, enrolled_admin)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(3):
            client.post(VERIFY, {"code": "000000"})
        held = client.post(VERIFY, {"code": next_code(enrolled_admin)})
    message = held.context["form"].errors["code"][0]
    assert message.startswith("Wait ") and "then type the code again" in message
    with time_machine.travel(start + timedelta(seconds=10), tick=False):
        assert client.post(VERIFY, {"code": next_code(enrolled_admin)}).status_code == 302


def test_signing_in_again_with_the_password_does_not_clear_the_wrong_codes(client, enrolled_admin):
    start = timezone.now()
    for attempt in range(10):
        with time_machine.travel(start + timedelta(seconds=70 * attempt), tick=False):
            if attempt % 3 == 0:  # the password again between wrong codes
                client.post(reverse("accounts-logout"))
                password(client, enrolled_admin)
            last = client.post(VERIFY, {"code": "000000"})
    assert last.status_code == 403 and "This login is locked" in last.text


def test_a_right_code_clears_the_count_of_wrong_ones(client, enrolled_admin):
    password(client, enrolled_admin)
    start = timezone.now()
    for attempt in range(9):
        with time_machine.travel(start + timedelta(seconds=70 * attempt), tick=False):
            client.post(VERIFY, {"code": "000000"})
    with time_machine.travel(start + timedelta(minutes=15), tick=False):
        assert client.post(VERIFY, {"code": next_code(enrolled_admin)}).status_code == 302
        client.post(reverse("accounts-logout"))
        password(client, enrolled_admin)
        assert client.post(VERIFY, {"code": "000000"}).status_code == 400
