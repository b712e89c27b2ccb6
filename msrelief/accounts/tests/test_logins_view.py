"""A clinic admin's Logins page (accounts-logins): the clinic's logins with their second
factor and lock, unlocking (audited) and resetting a second factor (after re-authentication);
never another clinic's logins."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts import signin_services as signin
from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD_BACKEND, enrol_totp

LOGINS = reverse("accounts-logins")


def lock(client, email):
    for _ in range(10):
        client.post(reverse("accounts-login"), {"username": email, "password": "wrong-guess"})


def test_the_page_lists_the_clinics_logins_with_second_factor_and_lock(
    client, clinic_admin, therapist, colleague, outsider
):
    enrol_totp(therapist)
    lock(client, colleague.email)
    client.force_login(clinic_admin)
    page = client.get(LOGINS)
    assert page.status_code == 200
    rows = {row["user"].email: row for row in page.context["rows"]}
    assert set(rows) == {clinic_admin.email, therapist.email, colleague.email}
    assert rows[therapist.email]["two_factor"] and rows[colleague.email]["locked"]
    assert outsider.email not in page.text
    assert f'Unlock<span class="visually-hidden"> {colleague.email}' in page.text


def test_a_therapist_cannot_open_the_logins_page(client, therapist):
    client.force_login(therapist)
    assert client.get(LOGINS).status_code == 403


def test_a_clinic_admin_unlocks_a_colleague_who_can_then_sign_in(client, clinic_admin, colleague):
    lock(client, colleague.email)
    client.force_login(clinic_admin)
    done = client.post(reverse("accounts-unlock", args=[colleague.pk]), follow=True)
    assert f"{colleague.email} can sign in again." in done.text
    assert not signin.is_locked(colleague)
    assert AuditEvent.objects.get(event="auth.unlocked").actor == clinic_admin


def test_unlocking_another_clinics_login_is_page_not_found(client, clinic_admin, outsider):
    lock(client, outsider.email)
    client.force_login(clinic_admin)
    assert client.post(reverse("accounts-unlock", args=[outsider.pk])).status_code == 404
    assert client.get(reverse("accounts-reset-two-factor", args=[outsider.pk])).status_code == 404
    assert signin.is_locked(outsider)


def test_resetting_a_second_factor_asks_to_confirm_and_is_audited(client, clinic_admin, therapist):
    enrol_totp(therapist)
    client.force_login(clinic_admin)
    url = reverse("accounts-reset-two-factor", args=[therapist.pk])
    assert f"Reset the second factor of {therapist.email}?" in client.get(url).text
    done = client.post(url, follow=True)
    assert "is reset" in done.text
    assert not signin.has_second_factor(therapist)
    assert AuditEvent.objects.get(event="auth.2fa_reset").actor == clinic_admin


def test_resetting_a_second_factor_needs_a_recent_sign_in(
    client, clinic_admin, therapist, settings
):
    settings.TWO_FACTOR_ENROLMENT_REQUIRED = False
    enrol_totp(therapist)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(clinic_admin, backend=PASSWORD_BACKEND)
    url = reverse("accounts-reset-two-factor", args=[therapist.pk])
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        assert client.post(url)["Location"].startswith(reverse("accounts-reauth"))
    assert signin.has_second_factor(therapist)
