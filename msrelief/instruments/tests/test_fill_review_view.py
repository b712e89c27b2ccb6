from django.urls import reverse

from msrelief.instruments.models import Response
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


def test_sending_with_too_few_answers_explains_and_stores_nothing(client, ms_client, therapist):
    _, token = assign(therapist, ms_client)
    fill(client, token, {"1": 1})
    response = client.post(reverse("fill-review", kwargs={"token": token}))
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not Response.objects.exists()
