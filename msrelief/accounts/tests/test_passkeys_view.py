"""The passkeys page (accounts-passkeys) and removing a passkey (accounts-passkey-remove):
one's own passkeys with their names and last use, behind a recent sign-in as app set-up is."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp_webauthn.models import WebAuthnCredential

from msrelief.audit.models import AuditEvent
from msrelief.core.signin import reauth_url
from msrelief.testing import PASSWORD, enrol_totp, make_passkey, next_code

PAGE, REAUTH = reverse("accounts-passkeys"), reverse("accounts-reauth")


def remove(pk):
    return reverse("accounts-passkey-remove", args=[pk])


def sign_in_with_app(client, user):
    client.post(reverse("accounts-login"), {"username": user.email, "password": PASSWORD})
    assert client.post(reverse("accounts-verify"), {"code": next_code(user)}).status_code == 302


def test_the_page_lists_ones_own_passkeys_with_their_last_use(client, therapist, colleague):
    used = make_passkey(therapist, "Phone")
    used.last_used_at = timezone.now().replace(year=2026, month=3, day=4, hour=9, minute=30)
    used.save()
    make_passkey(therapist, "Security key")
    make_passkey(colleague, "Cal's laptop")
    client.force_login(therapist)
    page = client.get(PAGE)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Phone" in body and "Security key" in body and "Cal&#x27;s laptop" not in body
    assert "Not yet" in body  # the security key
    assert 'id="passkey-register-button"' in body
    assert "You have no recovery codes" in body


def test_a_login_with_a_factor_confirms_it_is_them_before_the_page(client, therapist):
    enrol_totp(therapist)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in_with_app(client, therapist)
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        asked = client.get(PAGE)
    assert asked["Location"] == reauth_url(PAGE)


def test_removing_a_passkey_goes_back_to_the_page_and_is_audited(client, therapist):
    phone = make_passkey(therapist, "Phone")
    client.force_login(therapist)
    assert client.post(remove(phone.pk))["Location"] == PAGE
    assert not WebAuthnCredential.objects.exists()
    assert AuditEvent.objects.get(event="auth.passkey_removed").changes["passkey"] == "Phone"


def test_removing_needs_a_recent_sign_in(client, therapist):
    enrol_totp(therapist)
    phone = make_passkey(therapist, "Phone")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in_with_app(client, therapist)
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        asked = client.post(remove(phone.pk))
    assert asked["Location"] == reauth_url(PAGE)
    assert WebAuthnCredential.objects.filter(pk=phone.pk).exists()


def test_an_admins_last_passkey_stays_and_the_page_says_why(client, clinic_admin):
    only = make_passkey(clinic_admin)
    client.force_login(clinic_admin)
    refused = client.post(remove(only.pk))
    assert refused.status_code == 400
    assert "this is your last one" in refused.content.decode()
    assert WebAuthnCredential.objects.filter(pk=only.pk).exists()


def test_another_logins_passkey_is_not_found(client, therapist, outsider):
    theirs = make_passkey(outsider)
    client.force_login(therapist)
    assert client.post(remove(theirs.pk)).status_code == 404
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()


def test_a_client_login_has_no_passkeys_page(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(PAGE).status_code == 403


def test_with_passkeys_off_the_page_says_so_and_offers_no_button(client, therapist, settings):
    settings.PASSKEYS_ENABLED = False
    client.force_login(therapist)
    body = client.get(PAGE).content.decode()
    assert "Passkeys are not used on this site yet" in body
    assert "passkey-register-button" not in body
