"""One's own two-factor page (accounts-two-factor): what is set up, new recovery codes and
turning it off, each after a recent sign-in."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts import signin_services as signin
from msrelief.core.signin import PROVEN_AT, now_seconds
from msrelief.testing import PASSWORD_BACKEND, enrol_totp

PAGE = reverse("accounts-two-factor")


def test_the_page_says_whether_an_app_is_set_up_and_how_many_codes_are_left(client, therapist):
    client.force_login(therapist)
    assert "You sign in with your password only." in client.get(PAGE).text
    codes = enrol_totp(therapist)
    signin.verify_second_factor(therapist, codes[0])
    page = client.get(PAGE).text
    assert "You have 9 unused recovery codes." in page
    assert "Turn off two-factor sign-in" in page


def test_new_recovery_codes_are_shown_once_and_replace_the_old_ones(client, clinic_admin):
    old = enrol_totp(clinic_admin)
    client.force_login(clinic_admin)
    shown = client.post(reverse("accounts-new-recovery-codes"))
    assert len(shown.context["codes"]) == 10 and old[0] not in shown.text
    assert signin.recovery_codes_left(clinic_admin) == 10


def test_a_clinic_admin_is_not_offered_to_turn_it_off_and_cannot(client, clinic_admin):
    enrol_totp(clinic_admin)
    client.force_login(clinic_admin)
    assert "Turn off" not in client.get(PAGE).text
    assert client.post(reverse("accounts-two-factor-off")).status_code == 403
    assert signin.has_second_factor(clinic_admin)


def test_turning_it_off_needs_a_recent_sign_in(client, therapist):
    enrol_totp(therapist)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(therapist, backend=PASSWORD_BACKEND)
        session = client.session
        session["otp_device_id"] = therapist.totpdevice_set.get().persistent_id
        session[PROVEN_AT] = now_seconds()  # as the code step leaves it
        session.save()
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        response = client.post(reverse("accounts-two-factor-off"))
    assert response["Location"].startswith(reverse("accounts-reauth"))
    assert signin.has_second_factor(therapist)


def test_a_client_has_no_two_factor_page(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(PAGE).status_code == 403
