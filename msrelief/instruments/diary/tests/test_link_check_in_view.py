"""/diary/<token>/: the standing link opens today's check-in without a login; saving lands on
the thank-you page with the latest entries; a double submit lands there too."""

import logging

import pytest
from django.urls import reverse

from msrelief.instruments.diary import services
from msrelief.instruments.diary.models import DiaryEntry
from msrelief.instruments.models import Response

ALL_FIVE_FORM = {"fatigue": "6", "pain": "3", "sleep": "7", "stress": "4", "stiffness": "5"}


def url(token, saved=False):
    return reverse("diary-link-saved" if saved else "diary-link", kwargs={"token": token})


def test_the_page_asks_the_five_questions_in_the_instruments_own_words(client, plan_and_token):
    _, token = plan_and_token
    page = client.get(url(token))
    text = page.text
    assert page.status_code == 200
    for words in (
        "How tired or fatigued do you feel right now?",
        "How much pain do you feel right now?",
        "How well did you sleep last night?",
        "How stressed do you feel right now?",
        "How stiff or tight do your muscles feel right now?",
        "0 = not tired at all",
        "10 = very well",
        "Save today's diary",
    ):
        assert words in text, words
    assert text.count('type="radio"') == 55
    assert "no-store" in page["Cache-Control"]


def test_saving_stores_the_entry_and_lands_on_the_thank_you_page_with_it(client, plan_and_token):
    _, token = plan_and_token
    response = client.post(url(token), {**ALL_FIVE_FORM, "submission": "abc"})
    assert response.status_code == 302 and response["Location"] == url(token, saved=True)
    entry = DiaryEntry.objects.get()
    assert entry.route == "link" and entry.submitted_by is None
    page = client.get(response["Location"]).text
    assert "Thank you: today's diary is saved" in page
    assert (
        '<td data-label="Fatigue">6</td><td data-label="Pain">3</td>'
        '<td data-label="Sleep quality">7</td><td data-label="Stress">4</td>'
        '<td data-label="Stiffness">5</td>'
    ) in page


def test_a_double_submit_lands_on_saved_and_stores_one_entry(client, plan_and_token):
    _, token = plan_and_token
    form = {**ALL_FIVE_FORM, "submission": "twice"}
    first, second = client.post(url(token), form), client.post(url(token), form)
    assert first["Location"] == second["Location"] == url(token, saved=True)
    assert DiaryEntry.objects.count() == 1 and Response.objects.count() == 5
    assert "Thank you: today's diary is saved" in client.get(url(token, saved=True)).text


def test_after_todays_check_in_the_link_says_it_is_done_and_offers_no_second_one(
    client, plan_and_token
):
    plan, token = plan_and_token
    services.check_in(plan, {"nrs-pain": 2.0}, None, "portal")
    opened = client.get(url(token))
    assert opened["Location"] == url(token, saved=True)
    page = client.get(opened["Location"]).text
    assert "Today's diary is already filled in" in page
    posted = client.post(url(token), {"pain": "9", "submission": "other"})
    assert posted["Location"] == url(token, saved=True)
    assert Response.objects.get().answers == {"1": 2.0}


def test_skipping_all_five_is_refused_with_a_clear_message_and_nothing_saved(
    client, plan_and_token
):
    _, token = plan_and_token
    page = client.post(url(token), {"submission": "empty"})
    assert page.status_code == 400
    assert "There is a problem" in page.text and "Nothing was chosen" in page.text
    assert not DiaryEntry.objects.exists()


def test_a_number_outside_the_scale_names_its_question(client, plan_and_token):
    _, token = plan_and_token
    page = client.post(url(token), {"pain": "3", "stress": "12"})
    assert page.status_code == 400
    assert "Choose a number from 0 to 10 for stress." in page.text
    assert 'href="#id_stress_0"' in page.text
    assert not DiaryEntry.objects.exists()


def test_a_made_up_or_replaced_link_opens_nothing_and_leaves_no_token_in_the_logs(
    client, plan_and_token, therapist, caplog
):
    plan, token = plan_and_token
    services.new_diary_link(therapist, plan)
    caplog.set_level(logging.DEBUG)
    for path in (url(token), url(token, saved=True), url("made-up")):
        page = client.get(path)
        assert page.status_code == 404 and "This link does not work" in page.text
    assert client.post(url(token), ALL_FIVE_FORM).status_code == 404
    assert not DiaryEntry.objects.exists()
    assert token not in caplog.text and "/diary/…/" in caplog.text


def test_a_switched_off_link_opens_nothing(client, plan_and_token, therapist):
    plan, token = plan_and_token
    services.revoke_diary_link(therapist, plan)
    assert client.get(url(token)).status_code == 404


def test_the_thank_you_page_shows_at_most_the_last_seven_entries(client, plan_and_token):
    import datetime as dt

    from django.utils import timezone

    plan, token = plan_and_token
    now = timezone.now()
    for back in range(9, 0, -1):
        services.check_in(
            plan, {"nrs-pain": float(back)}, None, "link", at=now - dt.timedelta(days=back)
        )
    page = client.get(url(token, saved=True)).text
    assert "You have not filled in today's diary yet" in page
    assert page.count('<th scope="row">') == 7
    assert 'data-label="Pain">1</td>' in page and 'data-label="Pain">8</td>' not in page


@pytest.mark.parametrize("name", ["diary-link", "diary-link-saved"])
def test_the_link_pages_need_no_login(client, plan_and_token, name):
    _, token = plan_and_token
    page = client.get(reverse(name, kwargs={"token": token}), follow=True)
    assert page.status_code == 200 and "Log in" in page.text
