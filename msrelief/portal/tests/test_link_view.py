"""/me/sign-in/<token>/: opening the emailed link shows a button and nothing else; pressing it
uses the link up and signs the client in. A link works once, until it expires, and only for
an active client login."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.instruments import tokens
from msrelief.lib.redact import redact
from msrelief.portal import services
from msrelief.portal.models import Purpose, SignInLink
from msrelief.portal.tests.helpers import latest_link_path


def _emailed_link(robin):
    services.request_sign_in_link(robin.user.email)
    return latest_link_path()


def test_opening_the_link_shows_a_button_but_neither_signs_in_nor_uses_the_link(client, robin):
    path = _emailed_link(robin)
    for _ in range(2):  # a mail scanner, then the client
        page = client.get(path)
        assert page.status_code == 200
        assert '<button type="submit" class="button">Sign in</button>' in page.text
    assert "_auth_user_id" not in client.session
    assert SignInLink.objects.get().used_at is None


def test_pressing_sign_in_signs_the_client_in_and_lands_on_their_page(client, robin):
    path = _emailed_link(robin)
    answer = client.post(path)
    assert answer.status_code == 302 and answer["Location"] == reverse("portal-home")
    assert client.session["_auth_user_id"] == str(robin.user.pk)
    assert client.get(reverse("portal-home")).status_code == 200
    assert SignInLink.objects.get().used_at is not None
    assert AuditEvent.objects.filter(event="sign_in_link.used", actor=robin.user).exists()
    assert AuditEvent.objects.filter(event="auth.login", actor=robin.user).exists()


def test_a_link_signs_in_once_only(client, robin):
    path = _emailed_link(robin)
    client.post(path)
    client.post(reverse("accounts-logout"))
    again = client.post(path)
    assert again.status_code == 410
    assert "This link has been used already" in again.text
    assert "_auth_user_id" not in client.session


def test_signing_in_uses_up_the_other_links_of_that_login(client, robin):
    first = _emailed_link(robin)
    second = _emailed_link(robin)
    client.post(second)
    client.post(reverse("accounts-logout"))
    assert client.post(first).status_code == 410


def test_an_expired_link_is_refused_and_offers_a_new_one(client, robin, settings):
    settings.PORTAL_LINK_MINUTES = 15
    path = _emailed_link(robin)
    SignInLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    for answer in (client.get(path), client.post(path)):
        assert answer.status_code == 410
        assert "This link is too old" in answer.text
        assert reverse("portal-sign-in") in answer.text
    assert "_auth_user_id" not in client.session


def test_a_link_expires_after_the_minutes_the_setting_gives(robin, settings):
    settings.PORTAL_LINK_MINUTES = 15
    link = services.request_sign_in_link(robin.user.email)
    assert link is not None
    lasts = link.expires_at - link.created_at
    assert dt.timedelta(minutes=14, seconds=59) < lasts <= dt.timedelta(minutes=15)


def test_a_link_of_a_staff_login_does_not_sign_in(client, robin, therapist):
    token = tokens.new_token()
    SignInLink.objects.create(
        user=therapist,
        client=robin,
        purpose=Purpose.SIGN_IN,
        token_hash=tokens.hash_token(token),
        expires_at=timezone.now() + dt.timedelta(minutes=5),
    )
    answer = client.post(reverse("portal-link", kwargs={"token": token}))
    assert answer.status_code == 404
    assert "not for a client" in answer.text
    assert "_auth_user_id" not in client.session


def test_a_link_of_a_login_switched_off_since_does_not_sign_in(client, robin):
    path = _emailed_link(robin)
    type(robin.user).objects.filter(pk=robin.user.pk).update(is_active=False)
    assert client.post(path).status_code == 404
    assert "_auth_user_id" not in client.session


def test_an_unknown_token_is_refused(client, db):
    answer = client.get(reverse("portal-link", kwargs={"token": "made-up"}))
    assert answer.status_code == 404
    assert "This link is not one of ours" in answer.text


def test_the_token_of_a_sign_in_link_is_kept_out_of_the_logs():
    assert redact("GET /me/sign-in/abcDEF123/ HTTP/1.1") == "GET /me/sign-in/…/ HTTP/1.1"
    assert redact("GET /me/sign-in/ HTTP/1.1") == "GET /me/sign-in/ HTTP/1.1"
    assert redact("GET /me/q/12/ HTTP/1.1") == "GET /me/q/12/ HTTP/1.1"
