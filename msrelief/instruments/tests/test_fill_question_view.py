import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from msrelief.testing import assign


def url(token, number):
    return reverse("fill-question", kwargs={"token": token, "number": number})


def test_a_question_page_shows_one_question_with_its_answers_and_progress(
    client, ms_client, therapist
):
    _, token = assign(therapist, ms_client)
    page = client.get(url(token, 1)).text
    assert "Question 1 of 9" in page
    assert "Several days" in page
    assert "Over the last 2 weeks" in page


def test_an_answer_is_saved_and_the_next_question_follows(client, ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    response = client.post(url(token, 1), {"item_1": "2"})
    assert response["Location"] == url(token, 2)
    administration.refresh_from_db()
    assert administration.draft == {"1": 2.0}


def test_the_last_question_leads_to_the_review(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    response = client.post(url(token, 9), {"item_9": "0"})
    assert response["Location"] == reverse("fill-review", kwargs={"token": token})


def test_an_answer_that_is_not_offered_is_named_and_nothing_is_saved(client, ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    response = client.post(url(token, 3), {"item_3": "7"})
    assert response.status_code == 400
    assert 'href="#id_item_3_0"' in response.text
    assert "Choose one of the answers" in response.text
    administration.refresh_from_db()
    assert administration.draft == {}


def test_save_and_finish_later_keeps_the_answer_and_says_so(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    response = client.post(url(token, 1), {"item_1": "1", "later": ""}, follow=True)
    assert "Your answers are saved" in response.text
    assert "1 of 9" in response.text


def test_the_saved_page_says_when_the_link_closes_in_words(client, ms_client, therapist):
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Pacific/Auckland"))):
        _, token = assign(therapist, ms_client)
        response = client.post(url(token, 1), {"item_1": "1", "later": ""}, follow=True)
    assert "Your answers are saved" in response.text
    assert "at the latest by <strong>Tuesday 15 December 2026, 23:59</strong>" in response.text


def test_leaving_a_question_blank_clears_an_earlier_answer(client, ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    client.post(url(token, 1), {"item_1": "1"})
    client.post(url(token, 1), {})
    administration.refresh_from_db()
    assert administration.draft == {}


def test_a_question_number_out_of_range_goes_back_to_the_start(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    response = client.get(url(token, 99))
    assert response["Location"] == reverse("fill-start", kwargs={"token": token})


def test_a_page_sent_after_the_therapist_cancelled_says_it_was_cancelled(
    client, ms_client, therapist
):
    from msrelief.instruments import services

    administration, token = assign(therapist, ms_client)
    page = client.get(url(token, 1))
    assert page.status_code == 200
    services.cancel_administration(therapist, administration)
    sent = client.post(url(token, 1), {"item_1": "2"})
    assert sent.status_code == 410
    assert "was cancelled" in sent.text
    administration.refresh_from_db()
    assert administration.draft == {}
