"""/me/password/: an invited client, who signs in by link and has no password, sets one after
a recent link sign-in (Django's SetPasswordForm); the nav offers it as "Set a password"."""

import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.portal import services
from msrelief.portal.tests.helpers import latest_link_path

URL = reverse("portal-set-password")
NEW = "a quiet harbour at dawn"


def _invited(therapist, ms_client):
    clients.update_client(therapist, ms_client, email="robin.invited@example.test")
    services.invite_client(therapist, ms_client)
    ms_client.refresh_from_db()
    return ms_client.user


def _sign_in_by_link(browser):
    assert browser.post(latest_link_path()).status_code == 302


def test_the_nav_says_set_a_password_and_the_client_sets_one(client, therapist, ms_client):
    login = _invited(therapist, ms_client)
    _sign_in_by_link(client)
    home = client.get(reverse("portal-home")).text
    assert f'href="{URL}">Set a password</a>' in home
    assert client.get(URL).status_code == 200
    answer = client.post(URL, {"new_password1": NEW, "new_password2": NEW})
    assert answer.status_code == 302 and answer["Location"] == reverse("portal-home")
    login.refresh_from_db()
    assert login.check_password(NEW)
    event = AuditEvent.objects.get(event="auth.password_set")
    assert event.actor == login and event.object_id == str(login.pk)
    # Still signed in, and the nav now offers the ordinary password page.
    home = client.get(reverse("portal-home")).text
    assert "Set a password" not in home and reverse("accounts-password-change") in home


def test_two_different_passwords_are_refused_and_nothing_is_set(client, therapist, ms_client):
    login = _invited(therapist, ms_client)
    _sign_in_by_link(client)
    answer = client.post(URL, {"new_password1": NEW, "new_password2": NEW + "!"})
    assert answer.status_code == 400
    assert "The two new passwords are not the same" in answer.text
    login.refresh_from_db()
    assert not login.has_usable_password()


def test_a_link_sign_in_that_is_not_recent_must_be_made_again_first(
    client, therapist, ms_client, settings
):
    login = _invited(therapist, ms_client)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _sign_in_by_link(client)
    later = start + settings.REAUTH_WINDOW + dt.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        page = client.get(URL)
        assert page.status_code == 200 and "Email me a sign-in link" in page.text
        refused = client.post(URL, {"new_password1": NEW, "new_password2": NEW})
    assert refused.status_code == 403
    login.refresh_from_db()
    assert not login.has_usable_password()
    assert not AuditEvent.objects.filter(event="auth.password_set").exists()


def test_a_client_who_has_a_password_is_sent_to_change_it(client, ms_client, person_with_ms):
    clients.link_login(ms_client.therapist, ms_client, person_with_ms)
    client.force_login(person_with_ms)
    answer = client.get(URL)
    assert answer.status_code == 302 and answer["Location"] == reverse("accounts-password-change")


def test_staff_are_refused_and_a_visitor_is_sent_to_the_client_sign_in(client, therapist):
    answer = client.get(URL)
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("portal-sign-in"))
    client.force_login(therapist)
    assert client.get(URL).status_code == 403
