"""The plan page's "End the programme" form: errors named on the page with a 400, a withdrawal
shown in the plan's status and history, and no "Add a session" form once it has ended."""

from django.urls import reverse

from msrelief.programmes.models import EnrolmentStatus


def test_a_withdrawal_without_its_reason_is_refused_with_the_fields_named(
    client, enrolment, therapist
):
    client.force_login(therapist)
    url = reverse("programmes-end", args=[enrolment.pk])
    answer = client.post(url, {"outcome": "withdrawn"})
    assert answer.status_code == 400
    assert "Say who decided: the client or the clinic." in answer.text
    assert "Say why the client is leaving the programme." in answer.text
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


def test_a_withdrawal_is_shown_on_the_plan_and_the_add_session_form_goes(
    client, enrolment, therapist
):
    client.force_login(therapist)
    url = reverse("programmes-end", args=[enrolment.pk])
    data = {"outcome": "withdrawn", "withdrawn_by": "client", "reason": "Moved to Leeds."}
    answer = client.post(url, data, follow=True)
    assert answer.status_code == 200
    assert "The programme is marked withdrawn." in answer.text
    assert "decided by the client: “Moved to Leeds.”" in answer.text
    assert "Programme ended: withdrawn" in answer.text
    assert 'id="add-session"' not in answer.text and 'id="end"' not in answer.text


def test_a_get_of_the_end_address_goes_back_to_the_plan(client, enrolment, therapist):
    client.force_login(therapist)
    answer = client.get(reverse("programmes-end", args=[enrolment.pk]))
    assert answer.status_code == 302
    assert answer["Location"] == reverse("programmes-enrolment", args=[enrolment.pk])
