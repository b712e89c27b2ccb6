import datetime as dt

from django.urls import reverse

from msrelief.programmes.models import Enrolment
from msrelief.programmes.tests.factories import today


def form(template, therapist, **changes):
    data = {
        "template": str(template.pk),
        "start_date": (today() + dt.timedelta(days=1)).isoformat(),
        "weekdays": ["1", "4"],
        "session_time": "10:00",
        "minutes": "",
        "weeks": "",
        "therapist": str(therapist.pk),
    }
    data.update(changes)
    return data


def test_the_enrol_page_offers_the_programmes_and_the_clients_therapist(
    client, ms_client, therapist, colleague, template
):
    client.force_login(colleague)
    response = client.get(reverse("programmes-enrol", args=[ms_client.pk]))
    assert response.status_code == 200
    assert template.title in response.text
    assert f'<option value="{therapist.pk}" selected>' in response.text
    assert "safety screen is not yet available" in response.text


def test_enrolling_plans_the_sessions_and_opens_the_plan(client, ms_client, therapist, template):
    client.force_login(therapist)
    response = client.post(
        reverse("programmes-enrol", args=[ms_client.pk]), form(template, therapist)
    )
    enrolment = Enrolment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("programmes-enrolment", args=[enrolment.pk])
    assert enrolment.sessions.count() == 12


def test_a_clash_comes_back_on_the_form_naming_the_day(client, ms_client, therapist, template):
    client.force_login(therapist)
    url = reverse("programmes-enrol", args=[ms_client.pk])
    client.post(url, form(template, therapist))
    response = client.post(url, form(template, therapist, session_time="10:15"))
    assert response.status_code == 400
    assert "already has a session on" in response.text
    assert Enrolment.objects.count() == 1


def test_missing_days_and_a_bad_date_are_named(client, ms_client, therapist, template):
    client.force_login(therapist)
    response = client.post(
        reverse("programmes-enrol", args=[ms_client.pk]),
        form(template, therapist, weekdays=[], start_date="31/02/2026"),
    )
    assert response.status_code == 400
    assert "Choose the days of the week" in response.text
    assert "Day of the first session" in response.text
    assert not Enrolment.objects.exists()
