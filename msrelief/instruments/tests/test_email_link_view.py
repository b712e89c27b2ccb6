"""Emailing a new link from a client's Measures page or from the link page."""

from django.urls import reverse

from msrelief.clients import services as clients
from msrelief.instruments import tokens
from msrelief.instruments.models import Administration
from msrelief.notifications.models import Message
from msrelief.testing import assign


def email_link(record, administration):
    return reverse("instruments-email-link", args=[record.pk, administration.pk])


def still_opens(token):
    return Administration.objects.filter(token_hash=tokens.hash_token(token)).exists()


def test_the_measures_page_offers_to_email_a_new_link_when_the_client_has_an_address(
    client, ms_client, therapist
):
    administration, _ = assign(therapist, ms_client)
    client.force_login(therapist)
    measures = reverse("instruments-measures", args=[ms_client.pk])
    assert email_link(ms_client, administration) not in client.get(measures).text
    clients.update_client(therapist, ms_client, email="robin@example.test")
    assert f'action="{email_link(ms_client, administration)}"' in client.get(measures).text


def test_a_new_link_is_queued_to_the_client_and_shown_once(client, ms_client, therapist):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    administration, old = assign(therapist, ms_client)
    client.force_login(therapist)
    page = client.post(email_link(ms_client, administration))
    assert page.status_code == 200
    assert "A new link was made and emailed" in page.text
    assert "An email with it to robin@example.test is queued" in page.text
    message = Message.objects.get()
    assert message.to_address == "robin@example.test"
    assert message.about_id == str(administration.pk)
    assert not still_opens(old)


def test_a_client_without_an_address_is_told_so_and_nothing_changes(client, ms_client, therapist):
    administration, old = assign(therapist, ms_client)
    client.force_login(therapist)
    response = client.post(email_link(ms_client, administration), follow=True)
    assert "This client has no email address on record" in response.text
    assert still_opens(old)
    assert not Message.objects.exists()


def test_an_outsider_gets_404_and_nothing_is_sent(client, ms_client, therapist, outsider):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    administration, old = assign(therapist, ms_client)
    client.force_login(outsider)
    assert client.post(email_link(ms_client, administration)).status_code == 404
    assert still_opens(old)
    assert not Message.objects.exists()


def test_a_person_with_ms_is_refused(client, ms_client, therapist, person_with_ms):
    administration, old = assign(therapist, ms_client)
    client.force_login(person_with_ms)
    assert client.post(email_link(ms_client, administration)).status_code == 403
    assert still_opens(old)
