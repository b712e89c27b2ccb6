"""Adding and removing passkeys (accounts/passkey_services.py), and a passkey as the second
factor a clinic admin must have."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp_webauthn.models import WebAuthnCredential

from msrelief.accounts import passkey_services, signin_services
from msrelief.accounts.models import RecoveryCode
from msrelief.audit.models import AuditEvent
from msrelief.testing import enrol_totp, make_passkey


def registered(user):
    """What the package's registration ceremony does: save the checked passkey."""
    return lambda: make_passkey(user, name="")


def test_an_added_passkey_is_named_after_when_it_was_added_and_audited(clinic_admin):
    device = passkey_services.add_passkey(clinic_admin, registered(clinic_admin))
    device.refresh_from_db()
    assert device.name.startswith("Passkey 1, added ")
    event = AuditEvent.objects.get(event="auth.passkey_added")
    assert (event.actor, event.changes) == (clinic_admin, {"passkey": device.name})


def test_a_client_login_cannot_add_a_passkey_and_nothing_is_kept(person_with_ms):
    with pytest.raises(PermissionDenied):
        passkey_services.add_passkey(person_with_ms, registered(person_with_ms))
    assert not WebAuthnCredential.objects.exists()


def test_a_clinic_admin_with_only_a_passkey_has_the_second_factor_their_role_requires(
    clinic_admin,
):
    assert signin_services.two_factor_required(clinic_admin)
    assert not signin_services.has_second_factor(clinic_admin)
    make_passkey(clinic_admin)
    assert signin_services.has_second_factor(clinic_admin)
    assert not signin_services.has_app(clinic_admin)
    assert not signin_services.takes_codes(clinic_admin)


def test_removing_a_passkey_is_audited_with_its_name(clinic_admin):
    make_passkey(clinic_admin, "Phone")
    laptop = make_passkey(clinic_admin, "Laptop")
    assert passkey_services.remove_passkey(clinic_admin, laptop.pk) == "Laptop"
    assert list(WebAuthnCredential.objects.values_list("name", flat=True)) == ["Phone"]
    event = AuditEvent.objects.get(event="auth.passkey_removed")
    assert (event.actor, event.changes) == (clinic_admin, {"passkey": "Laptop", "last": False})


def test_a_clinic_admin_cannot_remove_their_last_second_factor(clinic_admin):
    only = make_passkey(clinic_admin)
    with pytest.raises(ValidationError, match="this is your last one") as refused:
        passkey_services.remove_passkey(clinic_admin, only.pk)
    assert "passkey" in refused.value.message_dict
    assert WebAuthnCredential.objects.filter(pk=only.pk).exists()
    assert not AuditEvent.objects.filter(event="auth.passkey_removed").exists()


def test_a_clinic_admin_with_an_app_may_remove_their_only_passkey(clinic_admin):
    enrol_totp(clinic_admin)
    only = make_passkey(clinic_admin)
    passkey_services.remove_passkey(clinic_admin, only.pk)
    assert not WebAuthnCredential.objects.exists()
    assert RecoveryCode.objects.filter(device__user=clinic_admin).count() == 10


def test_a_therapist_removing_their_last_passkey_loses_the_recovery_codes_that_backed_it_up(
    therapist,
):
    only = make_passkey(therapist)
    signin_services.replace_recovery_codes(therapist)
    passkey_services.remove_passkey(therapist, only.pk)
    assert not signin_services.has_second_factor(therapist)
    assert not RecoveryCode.objects.filter(device__user=therapist).exists()
    assert AuditEvent.objects.get(event="auth.passkey_removed").changes["last"] is True


def test_nobody_removes_another_logins_passkey(therapist, colleague):
    theirs = make_passkey(colleague)
    with pytest.raises(ValidationError, match="not one of yours"):
        passkey_services.remove_passkey(therapist, theirs.pk)
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()


def test_an_admins_reset_of_a_second_factor_removes_the_passkeys_too(clinic_admin, therapist):
    make_passkey(therapist)
    signin_services.reset_two_factor(clinic_admin, therapist)
    assert not WebAuthnCredential.objects.filter(user=therapist).exists()
    assert not signin_services.has_second_factor(therapist)
