"""Lockout on the login form (django-axes, accounts/lockout.py): wrong passwords in a row lock
the login, even the right password is then refused, the page tells nothing about whether the
login exists, and the lock ends after the cool-off or when unlocked."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts import signin_services as signin
from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD

LOGIN = reverse("accounts-login")


WRONG = "wrong-guess-123"


def attempt(client, email, password=WRONG):
    return client.post(LOGIN, {"username": email, "password": password})


def lock(client, email):
    for _ in range(10):
        attempt(client, email)


def test_ten_wrong_passwords_in_a_row_lock_the_login_and_the_right_one_is_refused(
    client, therapist
):
    for _ in range(9):
        assert attempt(client, therapist.email).status_code == 200
    locked = attempt(client, therapist.email)
    assert locked.status_code == 403 and "This login is locked" in locked.text
    refused = attempt(client, "TESS@harbour.test", PASSWORD)  # any case of the address
    assert refused.status_code == 403
    assert "_auth_user_id" not in client.session
    assert signin.is_locked(therapist)
    event = AuditEvent.objects.get(event="auth.locked")
    assert (event.object_id, event.changes) == (str(therapist.pk), {"email": therapist.email})


def test_a_success_before_the_limit_starts_the_count_again(client, therapist):
    for _ in range(9):
        attempt(client, therapist.email)
    assert attempt(client, therapist.email, PASSWORD).status_code == 302
    client.post(reverse("accounts-logout"))
    for _ in range(9):
        assert attempt(client, therapist.email).status_code == 200


def test_an_address_with_no_login_is_locked_alike_so_the_page_tells_nothing(client, therapist):
    lock(client, therapist.email)
    lock(client, "nobody@harbour.test")
    known = attempt(client, therapist.email)
    unknown = attempt(client, "nobody@harbour.test")
    assert known.status_code == unknown.status_code == 403
    assert known.text == unknown.text


def test_the_lock_ends_after_the_cool_off(client, therapist, settings):
    assert timedelta(minutes=30) == settings.AXES_COOLOFF_TIME  # the default
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        lock(client, therapist.email)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert attempt(client, therapist.email, PASSWORD).status_code == 403
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert attempt(client, therapist.email, PASSWORD).status_code == 302


def test_without_a_cool_off_the_lock_holds_until_a_clinic_admin_unlocks_it(
    client, therapist, clinic_admin, settings
):
    settings.AXES_COOLOFF_TIME = None
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        lock(client, therapist.email)
    with time_machine.travel(start + timedelta(days=3), tick=False):
        assert attempt(client, therapist.email, PASSWORD).status_code == 403
        signin.unlock(clinic_admin, therapist)
        assert attempt(client, therapist.email, PASSWORD).status_code == 302
    unlocked = AuditEvent.objects.get(event="auth.unlocked")
    assert (unlocked.actor, unlocked.object_id) == (clinic_admin, str(therapist.pk))
