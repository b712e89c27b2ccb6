"""Setting up an authenticator app (accounts-enrol): a clinic admin without one is sent here
before any other page; the page shows a QR code and the secret in text, and a first code
confirms it and shows the recovery codes once."""

from base64 import b32encode

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD, PASSWORD_BACKEND, enrol_totp, make_user, next_code

ENROL, DASHBOARD = reverse("accounts-enrol"), reverse("clients-dashboard")


def test_a_clinic_admin_without_an_app_is_sent_to_set_one_up_before_any_page(client, clinic_admin):
    client.post(reverse("accounts-login"), {"username": clinic_admin.email, "password": PASSWORD})
    for page in (DASHBOARD, reverse("audit-log"), reverse("evidence-home")):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{ENROL}?next=")


def test_a_superuser_without_an_app_cannot_open_the_admin_site_before_setting_one_up(client, db):
    root = make_user("root@msrelief.test", is_superuser=True, is_staff=True)
    client.force_login(root, backend=PASSWORD_BACKEND)
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_the_page_shows_a_qr_code_and_the_secret_in_text(client, clinic_admin):
    client.force_login(clinic_admin, backend=PASSWORD_BACKEND)
    page = client.get(ENROL)
    device = TOTPDevice.objects.get(user=clinic_admin, confirmed=False)
    secret = b32encode(device.bin_key).decode()
    assert page.status_code == 200
    assert 'role="img" aria-label="QR code of the secret' in page.text and "<svg" in page.text
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page.text
    assert "Your role signs in with a second factor" in page.text


def test_a_first_code_confirms_the_app_shows_ten_recovery_codes_and_opens_the_pages(
    client, clinic_admin
):
    client.force_login(clinic_admin, backend=PASSWORD_BACKEND)
    client.get(ENROL)
    wrong = client.post(ENROL, {"code": "999999"})
    assert wrong.status_code == 400
    assert wrong.context["form"].errors["code"] == [
        "This code is not right. Type the 6 numbers your authenticator app shows now."
    ]
    done = client.post(ENROL, {"code": next_code(clinic_admin, confirmed=False)})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    assert all(code in done.text for code in done.context["codes"])
    assert client.get(DASHBOARD).status_code == 200  # this session gave its second factor
    assert AuditEvent.objects.filter(event="auth.2fa_enrolled", actor=clinic_admin).exists()


def test_a_therapist_may_set_an_app_up_but_is_not_made_to(client, therapist):
    client.force_login(therapist, backend=PASSWORD_BACKEND)
    assert client.get(DASHBOARD).status_code == 200
    page = client.get(ENROL)
    assert page.status_code == 200 and "keeps your login safe" in page.text


def test_with_two_factors_for_all_staff_a_therapist_must_set_one_up(client, therapist, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(therapist, backend=PASSWORD_BACKEND)
    assert client.get(DASHBOARD)["Location"].startswith(ENROL)


def test_a_client_cannot_set_up_a_second_factor(client, person_with_ms):
    client.force_login(person_with_ms, backend=PASSWORD_BACKEND)
    assert client.get(ENROL).status_code == 403


def test_replacing_an_app_needs_the_current_code_first(client, clinic_admin):
    enrol_totp(clinic_admin)
    client.force_login(clinic_admin, backend=PASSWORD_BACKEND)
    response = client.get(ENROL)
    assert response["Location"].startswith(reverse("accounts-reauth"))
