"""Cancelling a questionnaire asks first: the link on the measures page opens "Are you sure?",
and only that page's POST cancels (the service call is the same as before)."""

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.instruments.models import Status
from msrelief.testing import assign


def cancel_url(administration):
    return reverse("instruments-cancel", args=[administration.client_id, administration.pk])


def test_the_measures_page_links_to_the_question_instead_of_cancelling_at_once(
    client, ms_client, therapist
):
    administration, _ = assign(therapist, ms_client)
    client.force_login(therapist)
    page = client.get(reverse("instruments-measures", args=[ms_client.pk])).text
    assert f'<a href="{cancel_url(administration)}">Cancel' in page
    assert f'action="{cancel_url(administration)}"' not in page


def test_opening_cancel_asks_are_you_sure_and_changes_nothing(client, ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    client.force_login(therapist)
    response = client.get(cancel_url(administration))
    assert response.status_code == 200
    text = response.text
    assert "Are you sure you want to cancel Patient Health Questionnaire" in text
    assert "for Robin Example?" in text
    assert "Yes, cancel it</button>" in text and "No, keep it</a>" in text
    administration.refresh_from_db()
    assert administration.status == Status.PENDING
    assert AuditEvent.objects.filter(action="view", changes__section="cancel").exists()
    assert not AuditEvent.objects.filter(event="questionnaire.cancelled").exists()


def test_confirming_cancels_and_says_the_link_no_longer_works(client, ms_client, colleague):
    administration, _ = assign(colleague, ms_client)
    client.force_login(colleague)
    response = client.post(cancel_url(administration), follow=True)
    assert "The questionnaire was cancelled; its link no longer works." in response.text
    administration.refresh_from_db()
    assert administration.status == Status.CANCELLED
    assert AuditEvent.objects.filter(event="questionnaire.cancelled").count() == 1


def test_a_questionnaire_already_cancelled_is_not_offered_again(client, ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    client.force_login(therapist)
    client.post(cancel_url(administration))
    response = client.get(cancel_url(administration), follow=True)
    assert "Are you sure" not in response.text
    assert "Only a questionnaire that has not been submitted can be cancelled." in response.text


def test_an_outsider_gets_404_and_cancels_nothing(client, ms_client, therapist, outsider):
    administration, _ = assign(therapist, ms_client)
    client.force_login(outsider)
    assert client.get(cancel_url(administration)).status_code == 404
    assert client.post(cancel_url(administration)).status_code == 404
    administration.refresh_from_db()
    assert administration.status == Status.PENDING
