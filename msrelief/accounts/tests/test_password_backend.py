"""The password backend (msrelief/accounts/backends.py) gives the user behind a session as
Django's ModelBackend does, read by a query compiled once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from msrelief.accounts import services
from msrelief.accounts.backends import PasswordBackend
from msrelief.accounts.models import User


def test_the_user_is_found_with_every_field_as_the_orm_gives_it(therapist):
    found = PasswordBackend().get_user(therapist.pk)
    expected = User.objects.get(pk=therapist.pk)
    fields = [field.attname for field in User._meta.fields]
    assert found is not None
    assert [getattr(found, name) for name in fields] == [getattr(expected, name) for name in fields]


def test_a_deactivated_user_is_nobody(therapist, clinic_admin):
    services.update_user(clinic_admin, therapist, is_active=False)
    assert PasswordBackend().get_user(therapist.pk) is None


def test_an_unknown_or_malformed_id_is_nobody(db):
    assert PasswordBackend().get_user(987654) is None
    assert PasswordBackend().get_user("not a number") is None
    assert PasswordBackend().get_user(None) is None


def test_reading_the_user_is_one_query(therapist):
    PasswordBackend().get_user(therapist.pk)
    with CaptureQueriesContext(connection) as queries:
        PasswordBackend().get_user(therapist.pk)
    assert len(queries) == 1


def test_a_password_still_signs_in_through_it(therapist):
    from msrelief.testing import PASSWORD

    assert PasswordBackend().authenticate(None, username=therapist.email, password=PASSWORD)


def test_the_user_comes_with_whether_they_have_a_confirmed_app_or_passkey(therapist):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from msrelief.accounts.backends import second_factor_when_loaded

    assert second_factor_when_loaded(PasswordBackend().get_user(therapist.pk)) is False
    device = TOTPDevice.objects.create(user=therapist, name="phone", confirmed=False)
    assert second_factor_when_loaded(PasswordBackend().get_user(therapist.pk)) is False
    device.confirmed = True
    device.save()
    assert second_factor_when_loaded(PasswordBackend().get_user(therapist.pk)) is True


def test_a_user_loaded_another_way_says_nothing_of_a_second_factor(therapist):
    from msrelief.accounts.backends import second_factor_when_loaded

    assert second_factor_when_loaded(User.objects.get(pk=therapist.pk)) is None
