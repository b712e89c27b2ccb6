"""The sign-in rules every request meets (accounts/middleware.SignInMiddleware): the idle and
absolute timeouts, and no page before the second factor."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD, PASSWORD_BACKEND, enrol_totp

DASHBOARD, LOGIN = reverse("clients-dashboard"), reverse("accounts-login")


def sign_in(client, user):
    assert client.post(LOGIN, {"username": user.email, "password": PASSWORD}).status_code == 302


def test_after_30_idle_minutes_the_next_page_asks_to_sign_in_again_and_keeps_next(
    client, therapist, ms_client
):
    record = reverse("clients-detail", args=[ms_client.pk])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, therapist)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert client.get(record).status_code == 200  # in use: the clock starts again
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert client.get(record).status_code == 200
    with time_machine.travel(start + timedelta(minutes=89), tick=False):
        response = client.get(record)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={record}"
    assert "_auth_user_id" not in client.session
    ended = AuditEvent.objects.get(event="auth.timed_out")
    assert (ended.actor, ended.changes) == (therapist, {"reason": "idle"})


def test_the_idle_time_is_a_setting(client, therapist, settings):
    settings.IDLE_TIMEOUT = timedelta(minutes=5)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, therapist)
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        assert client.get(DASHBOARD)["Location"].startswith(LOGIN)


def test_a_busy_session_still_ends_eight_hours_after_signing_in(client, therapist):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, therapist)
    for minutes in range(20, 8 * 60, 20):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get(DASHBOARD).status_code == 200
    with time_machine.travel(start + timedelta(hours=8, minutes=1), tick=False):
        assert client.get(DASHBOARD)["Location"].startswith(LOGIN)
    assert AuditEvent.objects.get(event="auth.timed_out").changes == {"reason": "age"}


def test_a_therapist_with_an_app_reaches_no_page_before_its_code(client, therapist):
    enrol_totp(therapist)
    client.force_login(therapist, backend=PASSWORD_BACKEND)
    for page in (DASHBOARD, reverse("accounts-password-change"), "/api/docs"):
        assert client.get(page)["Location"].startswith(reverse("accounts-verify"))
    assert client.get(reverse("accounts-verify")).status_code == 200
    assert client.post(reverse("accounts-logout")).status_code == 302


def test_a_therapist_without_an_app_signs_in_with_the_password_alone(client, therapist):
    sign_in(client, therapist)
    assert client.get(DASHBOARD).status_code == 200


def test_the_test_suites_force_login_counts_as_fully_signed_in(client, clinic_admin):
    enrol_totp(clinic_admin)
    client.force_login(clinic_admin)  # msrelief/testing.py: TestLoginBackend
    assert client.get(DASHBOARD).status_code == 200
    assert client.get(reverse("audit-csv")).status_code == 200


def test_pages_get_the_signed_in_user_itself_with_its_second_factor_state(client, therapist):
    from django.contrib.auth.models import AnonymousUser

    from msrelief.accounts.models import User

    assert type(client.get(LOGIN).wsgi_request.user) is AnonymousUser
    sign_in(client, therapist)
    user = client.get(DASHBOARD).wsgi_request.user
    assert type(user) is User and user.pk == therapist.pk
    assert user.otp_device is None and user.is_verified() is False  # as django-otp set them
