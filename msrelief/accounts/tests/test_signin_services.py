"""The sign-in services (accounts/signin_services.py): enrolling an app, recovery codes,
checking a code, resetting and turning off a second factor, and who may do each."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from msrelief.accounts import signin_services as signin
from msrelief.accounts.models import RecoveryCode, recovery_digest
from msrelief.audit.models import AuditEvent
from msrelief.testing import enrol_totp, make_user, next_code


def events(name):
    return AuditEvent.objects.filter(event=name)


def test_an_app_is_not_used_until_a_first_code_confirms_it(clinic_admin):
    device = signin.start_enrolment(clinic_admin)
    assert not device.confirmed and not signin.has_second_factor(clinic_admin)
    assert signin.start_enrolment(clinic_admin).pk == device.pk  # the same secret on reload
    with pytest.raises(ValidationError) as wrong:
        signin.confirm_enrolment(clinic_admin, device, "000000")
    assert "code" in wrong.value.message_dict and not signin.has_second_factor(clinic_admin)
    signin.confirm_enrolment(clinic_admin, device, next_code(clinic_admin, confirmed=False))
    assert signin.has_second_factor(clinic_admin)
    enrolled = events("auth.2fa_enrolled").get()
    assert enrolled.actor == clinic_admin and enrolled.changes == {"replaced_app": False}


def test_ten_recovery_codes_are_shown_once_and_stored_only_as_digests(clinic_admin):
    codes = enrol_totp(clinic_admin)
    assert len(codes) == len(set(codes)) == 10
    stored = set(RecoveryCode.objects.values_list("digest", flat=True))
    assert stored == {recovery_digest(code) for code in codes}
    assert not any(code.replace("-", "") in digest for code in codes for digest in stored)


def test_a_recovery_code_signs_in_once_whatever_its_case_or_spacing(clinic_admin):
    code = enrol_totp(clinic_admin)[3]
    device = signin.verify_second_factor(clinic_admin, " " + code.upper().replace("-", " "))
    assert device.user == clinic_admin
    used = events("auth.recovery_code_used").get()
    assert used.changes == {"left": 9}
    with pytest.raises(ValidationError):
        signin.verify_second_factor(clinic_admin, code)


def test_the_apps_code_is_accepted_once_and_a_wrong_code_is_audited(clinic_admin):
    enrol_totp(clinic_admin)
    code = next_code(clinic_admin)
    signin.verify_second_factor(clinic_admin, code)
    assert events("auth.2fa_verified").get().actor == clinic_admin
    with pytest.raises(ValidationError) as again:
        signin.verify_second_factor(clinic_admin, code)  # a code cannot be replayed
    assert "6 numbers" in again.value.message_dict["code"][0]
    failed = events("auth.2fa_failed").get()
    assert (failed.actor, failed.object_id) == (None, str(clinic_admin.pk))


def test_a_new_app_replaces_the_old_one_and_new_recovery_codes_replace_the_old_ones(clinic_admin):
    old_codes = enrol_totp(clinic_admin)
    old_app = TOTPDevice.objects.get(user=clinic_admin)
    enrol_totp(clinic_admin)
    assert not TOTPDevice.objects.filter(pk=old_app.pk).exists()
    assert events("auth.2fa_enrolled").latest("pk").changes == {"replaced_app": True}
    newer = signin.replace_recovery_codes(clinic_admin)
    with pytest.raises(ValidationError):
        signin.verify_second_factor(clinic_admin, old_codes[0])
    # After a wrong code django-otp waits a second before the next try (then 2, 4, 8 ...).
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        signin.verify_second_factor(clinic_admin, newer[0])
    assert events("auth.recovery_codes_replaced").count() == 1


def test_clinic_admins_and_superusers_must_use_two_factors_and_clients_never(
    therapist, clinic_admin, person_with_ms, settings
):
    root = make_user("root@msrelief.test", is_superuser=True, is_staff=True)
    assert signin.two_factor_required(clinic_admin) and signin.two_factor_required(root)
    assert not signin.two_factor_required(therapist)
    assert signin.may_use_two_factor(therapist)
    settings.TWO_FACTOR_FOR_STAFF = True
    assert signin.two_factor_required(therapist)
    assert not signin.two_factor_required(person_with_ms)
    with pytest.raises(PermissionDenied):
        signin.start_enrolment(person_with_ms)


def test_a_therapist_may_turn_off_their_own_second_factor_but_a_clinic_admin_may_not(
    therapist, clinic_admin
):
    enrol_totp(therapist)
    enrol_totp(clinic_admin)
    signin.remove_two_factor(therapist)
    assert not signin.has_second_factor(therapist)
    assert events("auth.2fa_removed").get().actor == therapist
    with pytest.raises(PermissionDenied):
        signin.remove_two_factor(clinic_admin)
    assert signin.has_second_factor(clinic_admin)


def test_a_clinic_admin_resets_a_colleagues_second_factor_but_not_another_clinics(
    clinic_admin, therapist, outsider
):
    enrol_totp(therapist)
    enrol_totp(outsider)
    signin.reset_two_factor(clinic_admin, therapist)
    assert not signin.has_second_factor(therapist)
    assert signin.recovery_codes_left(therapist) == 0
    reset = events("auth.2fa_reset").get()
    assert (reset.actor, reset.object_id, reset.changes) == (clinic_admin, str(therapist.pk), {})
    with pytest.raises(PermissionDenied):
        signin.reset_two_factor(clinic_admin, outsider)
    with pytest.raises(PermissionDenied):
        signin.reset_two_factor(therapist, clinic_admin)
    with pytest.raises(ValidationError, match="has no second factor"):
        signin.reset_two_factor(clinic_admin, therapist)
    assert signin.has_second_factor(outsider)


def test_a_passkey_alone_is_a_second_factor_and_an_unconfirmed_one_is_not(therapist, colleague):
    from msrelief.testing import make_passkey

    unconfirmed = make_passkey(therapist)
    unconfirmed.confirmed = False
    unconfirmed.save(update_fields=["confirmed"])
    assert not signin.has_second_factor(therapist)
    make_passkey(colleague)
    assert signin.has_second_factor(colleague) and not signin.has_second_factor(therapist)


def test_whether_a_login_has_a_second_factor_is_one_query(therapist, django_assert_num_queries):
    enrol_totp(therapist)
    with django_assert_num_queries(1):
        assert signin.has_second_factor(therapist)
