import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO, assign


def start(token):
    return reverse("fill-start", kwargs={"token": token})


def test_a_fresh_link_opens_the_start_page_without_logging_in(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    page = client.get(start(token))
    assert page.status_code == 200
    assert "9 questions" in page.text


def test_the_start_page_says_until_when_it_can_be_filled_in(client, ms_client, therapist):
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Pacific/Auckland"))):
        _, token = assign(therapist, ms_client)
        page = client.get(start(token)).text
    assert "You can fill it in until <strong>Tuesday 15 December 2026, 23:59</strong>." in page


def test_an_unknown_link_says_it_does_not_work(client, db):
    response = client.get(start("not-a-real-token"))
    assert response.status_code == 404
    assert "This link does not work" in response.text


def test_a_used_link_says_the_answers_were_sent(client, ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    services.submit_response(administration, None, "link")
    response = client.get(start(token))
    assert response.status_code == 410
    assert "already been submitted" in response.text
    assert (
        client.get(reverse("fill-question", kwargs={"token": token, "number": 1})).status_code
        == 410
    )


def test_an_expired_link_says_so(client, ms_client, therapist, settings):
    _, token = assign(therapist, ms_client)
    with time_machine.travel(
        dt.datetime.now(dt.UTC) + dt.timedelta(days=settings.QUESTIONNAIRE_LINK_DAYS + 2)
    ):
        response = client.get(start(token))
    assert response.status_code == 410
    assert "This link has expired" in response.text


def test_a_cancelled_questionnaire_says_so(client, ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    services.cancel_administration(therapist, administration)
    assert "was cancelled" in client.get(start(token)).text


def test_a_questionnaire_for_a_later_date_is_not_open_yet(client, ms_client, therapist):
    from django.utils import timezone

    later = timezone.localdate() + dt.timedelta(days=3)
    _, token = assign(therapist, ms_client, available_from=later)
    response = client.get(start(token))
    assert response.status_code == 403
    assert "not open yet" in response.text


def test_resuming_shows_how_far_the_client_got(client, ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    services.save_draft(administration, {"1": 1, "2": 0}, None)
    page = client.get(start(token)).text
    assert "answered 2 of 9" in page
    assert reverse("fill-question", kwargs={"token": token, "number": 3}) in page
