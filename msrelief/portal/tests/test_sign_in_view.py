"""/me/sign-in/: a client asks for a link by email. The page answers the same for every
address; only an active client login with a record is sent a link, at most
settings.PORTAL_LINKS_PER_HOUR an hour, and one address may post only so often."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.notifications.models import Kind, Message
from msrelief.portal.models import SignInLink
from msrelief.testing import make_user

SIGN_IN = reverse("portal-sign-in")


def _ask(client, email, **extra):
    return client.post(SIGN_IN, {"email": email}, **extra)


def test_the_sign_in_page_asks_for_an_email_address(client, db):
    page = client.get(SIGN_IN)
    assert page.status_code == 200
    assert '<label for="id_email">Email address' in page.text


def test_a_client_is_emailed_a_one_time_link_that_is_stored_only_as_a_digest(
    client, robin, person_with_ms, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer = _ask(client, "Robin@Example.test")
    assert "If Robin@Example.test belongs to a client account, we have sent a link" in answer.text
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person_with_ms.email]
    token = mail.outbox[0].body.split("/me/sign-in/")[1].split("/")[0]
    link = SignInLink.objects.get()
    assert token not in link.token_hash and len(link.token_hash) == 64
    assert link.user == person_with_ms and link.client == robin
    message = Message.objects.get()
    assert message.kind == Kind.PORTAL_SIGN_IN and message.client_ref == robin.pk
    assert message.redact_when_sent
    assert AuditEvent.objects.filter(event="sign_in_link.sent", client_ref=robin.pk).exists()


@pytest.mark.parametrize("who", ["nobody", "therapist", "unlinked client", "switched off"])
def test_the_answer_is_the_same_whether_or_not_the_address_has_a_client_login(
    client, robin, therapist, clinic, person_with_ms, who
):
    known = _ask(client, person_with_ms.email).text.replace(person_with_ms.email, "ADDRESS")
    Message.objects.all().delete()
    if who == "nobody":
        email = "nobody@example.test"
    elif who == "therapist":
        email = therapist.email
    elif who == "unlinked client":
        email = make_user("sam@example.test", clinic, "client").email
    else:
        type(person_with_ms).objects.filter(pk=person_with_ms.pk).update(is_active=False)
        email = person_with_ms.email
    other = _ask(client, email)
    assert other.status_code == 200
    assert other.text.replace(email, "ADDRESS") == known
    assert not Message.objects.exists()


def test_a_login_is_sent_no_more_links_an_hour_than_the_setting_allows(client, robin, settings):
    settings.PORTAL_LINKS_PER_HOUR = 2
    for _ in range(3):
        answer = _ask(client, robin.user.email)
        assert "we have sent a link" in answer.text
    assert Message.objects.filter(kind=Kind.PORTAL_SIGN_IN).count() == 2
    assert AuditEvent.objects.filter(event="auth.throttled", changes__page="portal-link").exists()


@pytest.mark.usefixtures("steady_clock")
def test_one_address_that_asks_too_often_is_refused_with_429(client, robin, settings):
    cache.clear()
    settings.SIGN_IN_RATE = "3/10m"
    for n in range(3):
        assert _ask(client, f"guess{n}@example.test").status_code == 200
    refused = _ask(client, robin.user.email)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert not Message.objects.exists()
    other_address = _ask(client, robin.user.email, REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 200


def test_a_malformed_address_is_refused_naming_the_field(client, db):
    answer = _ask(client, "not an address")
    assert answer.status_code == 400
    assert "email address" in answer.text.lower()
    assert 'href="#id_email"' in answer.text
