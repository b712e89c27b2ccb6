"""The client record's "Invite to their portal": a client login is made from the record's
email address if there is none, an invitation with a week-long link is emailed, and it is all
audited. No email address, no invitation; another clinic's client is a 404."""

import datetime as dt

from django.contrib.auth.hashers import is_password_usable
from django.urls import reverse

from msrelief.accounts.models import Role, User
from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.notifications.models import Kind, Message
from msrelief.portal.models import Purpose, SignInLink
from msrelief.portal.tests.helpers import latest_link_path


def _invite(client, record):
    return client.post(reverse("portal-invite", kwargs={"pk": record.pk}), follow=True)


def test_the_client_record_offers_the_invitation_and_the_download(client, therapist, ms_client):
    client.force_login(therapist)
    page = client.get(reverse("clients-detail", kwargs={"pk": ms_client.pk})).text
    assert "Invite to their portal</button>" in page
    assert reverse("portal-export", kwargs={"pk": ms_client.pk, "file_format": "json"}) in page


def test_inviting_makes_a_client_login_and_emails_a_week_long_link(
    client, therapist, ms_client, settings
):
    settings.PORTAL_INVITE_DAYS = 7
    clients.update_client(therapist, ms_client, email="Robin.New@Example.test")
    client.force_login(therapist)
    page = _invite(client, ms_client)
    assert "An invitation to their portal is on its way to robin.new@example.test" in page.text
    user = User.objects.get(email="robin.new@example.test")
    assert user.role == Role.CLIENT and user.clinic_id == ms_client.clinic_id
    assert not is_password_usable(user.password)
    assert Client.objects.get(pk=ms_client.pk).user == user
    link = SignInLink.objects.get()
    assert link.purpose == Purpose.INVITATION and link.sent_by == therapist
    assert link.expires_at - link.created_at == dt.timedelta(days=7)
    message = Message.objects.get(kind=Kind.PORTAL_INVITATION)
    assert message.to_address == user.email and message.redact_when_sent
    assert "Tess Therapist at Harbour Street Clinic" in message.body_text
    events = set(AuditEvent.objects.filter(actor=therapist).values_list("event", flat=True))
    assert {"user.created", "user.client_linked", "client.portal_invited"} <= events


def test_the_invited_client_signs_in_with_the_link(client, therapist, ms_client):
    clients.update_client(therapist, ms_client, email="robin.new@example.test")
    client.force_login(therapist)
    _invite(client, ms_client)
    client.logout()
    answer = client.post(latest_link_path())
    assert answer["Location"] == reverse("portal-home")
    assert client.get(reverse("portal-home")).status_code == 200


def test_a_client_who_has_a_login_is_invited_with_it(client, therapist, robin):
    client.force_login(therapist)
    _invite(client, robin)
    assert User.objects.filter(role=Role.CLIENT).count() == 1
    assert Message.objects.get(kind=Kind.PORTAL_INVITATION).to_address == robin.user.email


def test_a_client_without_an_email_address_is_not_invited_and_told_why(
    client, therapist, ms_client
):
    client.force_login(therapist)
    page = _invite(client, ms_client)
    assert "Add the client&#x27;s email address to their record first" in page.text
    assert not User.objects.filter(role=Role.CLIENT).exists()
    assert not Message.objects.exists()
    assert not AuditEvent.objects.filter(event="client.portal_invited").exists()


def test_an_address_that_another_login_has_is_refused(client, therapist, colleague, ms_client):
    clients.update_client(therapist, ms_client, email=colleague.email)
    client.force_login(therapist)
    page = _invite(client, ms_client)
    assert "Another login already has this email address" in page.text
    assert not SignInLink.objects.exists()


def test_an_outsider_cannot_invite_another_clinics_client(client, outsider, therapist, ms_client):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    client.force_login(outsider)
    assert _invite(client, ms_client).status_code == 404
    assert not SignInLink.objects.exists()


def test_a_client_cannot_invite_anyone(client, robin, clinic):
    other = clients.create_client(
        robin.therapist, consented_on=dt.date(2026, 1, 5), display_name="Sam", email="s@x.test"
    )
    client.force_login(robin.user)
    assert _invite(client, other).status_code == 403


def test_inviting_is_a_post(client, therapist, ms_client):
    client.force_login(therapist)
    answer = client.get(reverse("portal-invite", kwargs={"pk": ms_client.pk}))
    assert answer.status_code == 405
