"""The link page shown right after a questionnaire is assigned."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from msrelief.clients import services as clients
from msrelief.instruments import tokens
from msrelief.instruments.models import Administration

TUESDAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Pacific/Auckland"))


def assign_page(client, record, **data):
    return client.post(
        reverse("instruments-assign", args=[record.pk]), {"instrument": "gad7", **data}
    )


def shown_link(page):
    found = re.search(r'<textarea id="link"[^>]*>([^<]+)</textarea>', page.text)
    assert found, "no link field on the page"
    return found.group(1)


def test_the_page_names_the_questionnaire_by_its_title_not_its_code(client, ms_client, therapist):
    client.force_login(therapist)
    page = assign_page(client, ms_client)
    assert page.status_code == 200
    assert "Generalized Anxiety Disorder 7-item scale (GAD-7), for Robin Example." in page.text
    assert "gad7" not in page.text.lower()


def test_the_whole_link_is_built_from_the_base_url_not_the_host_header(
    client, ms_client, therapist, settings
):
    settings.BASE_URL = "https://msrelief.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "intruder.test"]
    client.force_login(therapist)
    page = assign_page(client, ms_client, HTTP_HOST="intruder.test")
    link = shown_link(page)
    token = link.removeprefix("https://msrelief.example.org/q/").removesuffix("/")
    assert link == f"https://msrelief.example.org/q/{token}/"
    assert Administration.objects.get(token_hash=tokens.hash_token(token))
    assert "intruder.test" not in page.text


def test_the_link_has_a_copy_button_for_scripts_and_a_status_that_is_announced(
    client, ms_client, therapist
):
    client.force_login(therapist)
    page = assign_page(client, ms_client).text
    assert re.search(r'<textarea id="link"[^>]*readonly', page)
    assert '<button type="button" class="button" data-copy="link" hidden>Copy' in page
    assert '<p class="copy-status" role="status" data-copy-status="link"></p>' in page


def test_the_page_shows_a_qr_code_with_a_text_alternative(client, ms_client, therapist):
    client.force_login(therapist)
    page = assign_page(client, ms_client).text
    qr = re.search(
        r'<div class="qr" role="img" aria-label="([^"]+)"><svg viewBox="0 0 (\d+) (\d+)" '
        r'class="qr-code"><path stroke="#000" d="M[^"]+"/></svg></div>',
        page,
    )
    assert qr, "no QR code image on the page"
    assert qr.group(1) == (
        "QR code of the link to Generalized Anxiety Disorder 7-item scale (GAD-7)"
    )
    # A version 4 or larger code (33+ modules) with its 4-module quiet zone each side.
    assert qr.group(2) == qr.group(3) and int(qr.group(2)) >= 41


def test_the_page_says_when_the_link_closes_in_words(client, ms_client, therapist):
    client.force_login(therapist)
    with time_machine.travel(TUESDAY, tick=False):
        page = assign_page(client, ms_client).text
    assert "Open until Tuesday 15 December 2026, 23:59" in page


def test_a_later_start_is_said_with_the_closing_time(client, ms_client, therapist):
    client.force_login(therapist)
    with time_machine.travel(TUESDAY, tick=False):
        page = assign_page(client, ms_client, available_from="2026-12-08").text
    assert "Open from Tuesday 8 December 2026 until Tuesday 22 December 2026, 23:59" in page


def test_a_link_not_emailed_says_so(client, ms_client, therapist):
    client.force_login(therapist)
    page = assign_page(client, ms_client).text
    assert "It was not emailed: give it to Robin Example yourself." in page


def test_an_emailed_link_says_the_email_is_queued_to_the_clients_address(
    client, ms_client, therapist
):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    client.force_login(therapist)
    page = assign_page(client, ms_client, email_client="on").text
    assert "An email with it to robin@example.test is queued" in page


@pytest.mark.django_db(transaction=True)
def test_an_email_sent_at_once_says_it_was_emailed(client, ms_client, therapist):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    client.force_login(therapist)
    page = assign_page(client, ms_client, email_client="on").text
    assert "It was emailed to robin@example.test." in page


@pytest.mark.django_db(transaction=True)
def test_an_email_the_mail_server_refused_says_it_is_being_tried_again(
    client, ms_client, therapist, settings
):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    clients.update_client(therapist, ms_client, email="robin@example.test")
    client.force_login(therapist)
    page = assign_page(client, ms_client, email_client="on").text
    assert "The email to robin@example.test could not be sent yet; it is being tried again" in page


def test_the_page_offers_a_new_link_and_an_emailed_one_for_the_same_questionnaire(
    client, ms_client, therapist
):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    client.force_login(therapist)
    page = assign_page(client, ms_client).text
    administration = Administration.objects.get()
    args = [ms_client.pk, administration.pk]
    assert f'action="{reverse("instruments-new-link", args=args)}"' in page
    assert f'action="{reverse("instruments-email-link", args=args)}"' in page
    assert "which stops working at once; the answers saved so far are kept" in page


def test_no_email_button_for_a_client_without_an_address(client, ms_client, therapist):
    client.force_login(therapist)
    page = assign_page(client, ms_client).text
    assert "Email a new link" not in page


def test_a_person_with_ms_is_refused_and_nothing_is_assigned(client, ms_client, person_with_ms):
    client.force_login(person_with_ms)
    assert assign_page(client, ms_client).status_code == 403
    assert not Administration.objects.exists()


def test_an_outsider_gets_404_and_nothing_is_assigned(client, ms_client, outsider):
    client.force_login(outsider)
    assert assign_page(client, ms_client).status_code == 404
    assert not Administration.objects.exists()
