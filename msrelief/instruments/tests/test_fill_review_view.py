import re

from django.test import Client
from django.urls import reverse

from msrelief.instruments.models import Response
from msrelief.notifications.models import Message
from msrelief.testing import PHQ9_ALL_ZERO, assign


def fill(client, token, answers):
    client.post(
        reverse("fill-all", kwargs={"token": token}),
        {f"item_{k}": str(int(v)) for k, v in answers.items()},
    )


def test_the_review_lists_every_answer_with_a_change_link(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    fill(client, token, {**PHQ9_ALL_ZERO, "2": 3})
    page = client.get(reverse("fill-review", kwargs={"token": token})).text
    assert "Nearly every day" in page
    assert reverse("fill-question", kwargs={"token": token, "number": 2}) in page


def test_sending_stores_the_response_and_shows_thanks(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    fill(client, token, PHQ9_ALL_ZERO)
    done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True)
    assert "Your answers have been sent" in done.text
    assert "Please read this now" not in done.text
    assert Response.objects.get().via == "link"


def test_a_positive_item_nine_shows_where_to_get_help_now(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    fill(client, token, {**PHQ9_ALL_ZERO, "9": 2})
    done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True).text
    assert "Please read this now" in done
    assert "Samaritans" in done
    assert "116 123" in done
    assert "NHS 111" in done


def test_a_clinic_can_set_its_own_crisis_guidance(client, ms_client, therapist, clinic):
    clinic.crisis_guidance = "Call the Lifeline on 13 11 14"
    clinic.save()
    _, token = assign(therapist, ms_client)
    fill(client, token, {**PHQ9_ALL_ZERO, "9": 1})
    done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True).text
    assert "13 11 14" in done
    assert "Samaritans" not in done


def test_sending_with_too_few_answers_for_a_score_stores_them_unscored(
    client, ms_client, therapist
):
    _, token = assign(therapist, ms_client)
    fill(client, token, {"1": 1})
    done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True)
    assert "Your answers have been sent" in done.text
    stored = Response.objects.get()
    assert stored.answers == {"1": 1}
    score = stored.scores.get()
    assert score.total is None
    assert score.shortfalls[0]["unanswered"] == [str(n) for n in range(2, 10)]


def test_the_review_names_gently_the_questions_a_score_needs_before_sending(
    client, ms_client, therapist
):
    _, token = assign(therapist, ms_client)
    fill(client, token, {k: v for k, v in PHQ9_ALL_ZERO.items() if k != "4"})
    page = client.get(reverse("fill-review", kwargs={"token": token})).text
    assert "Some questions are not answered" in page
    assert "You can send your answers as they are" in page
    assert reverse("fill-question", kwargs={"token": token, "number": 4}) in page


def test_the_review_asks_for_nothing_when_every_question_is_answered(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    fill(client, token, PHQ9_ALL_ZERO)
    page = client.get(reverse("fill-review", kwargs={"token": token})).text
    assert "Some questions are not answered" not in page


def test_a_blank_item_nine_is_sent_and_the_client_is_offered_help_without_alarm(
    client, ms_client, therapist
):
    _, token = assign(therapist, ms_client)
    fill(client, token, {k: v for k, v in PHQ9_ALL_ZERO.items() if k != "9"})
    done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True).text
    assert "Your answers have been sent" in done
    assert "If you are finding things hard" in done
    assert "Samaritans" in done
    assert "Please read this now" not in done
    flag = Response.objects.get().safety_flags.get()
    assert flag.code == "phq9-item9-unanswered"


def test_no_client_page_shows_a_code_a_file_name_or_a_rule(client, ms_client, therapist):
    _, token = assign(therapist, ms_client, "dass21")
    fill(client, token, {str(n): 1 for n in range(4, 22)})
    review = client.get(reverse("fill-review", kwargs={"token": token})).text
    done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True).text
    for page in (review, done):
        for leak in ("dass21", "instruments.md", "min_answered", "rule:", "[S"):
            assert leak not in page


def test_with_the_mail_server_down_a_positive_item_nine_still_shows_where_to_get_help(
    client, ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    _, token = assign(therapist, ms_client)
    fill(client, token, {**PHQ9_ALL_ZERO, "9": 1})
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("fill-review", kwargs={"token": token}), follow=True)
    assert done.status_code == 200
    assert "Please read this now" in done.text
    alert = Message.objects.get(kind="safety_alert")
    assert (alert.status, alert.attempts) == ("queued", 1)


def test_a_double_click_on_send_lands_twice_on_the_thanks_page_and_stores_one_response(
    client, ms_client, therapist
):
    _, token = assign(therapist, ms_client)
    fill(client, token, {**PHQ9_ALL_ZERO, "9": 1})
    review = reverse("fill-review", kwargs={"token": token})
    key = re.search(r'name="submission" value="([^"]+)"', client.get(review).text).group(1)
    first = client.post(review, {"submission": key})
    second = client.post(review, {"submission": key}, follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "Your answers have been sent" in second.text
    assert "Please read this now" in second.text
    assert Response.objects.count() == 1


def test_sending_from_a_second_tab_after_the_first_sent_says_it_was_already_sent(
    client, ms_client, therapist
):
    _, token = assign(therapist, ms_client)
    fill(client, token, PHQ9_ALL_ZERO)
    review = reverse("fill-review", kwargs={"token": token})
    client.post(review, {"submission": "first-tab"})
    other_tab = Client()
    page = other_tab.post(review, {"submission": "second-tab"})
    assert page.status_code == 410
    assert "already been submitted" in page.text
    assert Response.objects.count() == 1
