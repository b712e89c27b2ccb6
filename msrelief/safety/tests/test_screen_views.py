import datetime as dt
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from msrelief.clients import history_services as history
from msrelief.safety.models import Screen


def new(record):
    return reverse("safety-new-screen", args=[record.pk])


def form_data(**answers):
    return {"on": timezone.localdate().isoformat(), "session": "massage",
            "falls_last_year": "0", **answers}  # fmt: skip


def test_the_page_shows_the_historys_facts_and_asks_the_days_questions(
    client, ms_client, therapist
):
    history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    client.force_login(therapist)
    page = client.get(new(ms_client)).text
    assert "Heat sensitivity" in page
    assert "Chest pain, sudden shortness of breath" in page
    assert "a research draft that a registered clinician has not yet reviewed" in page


def test_running_the_screen_shows_adapt_with_the_adaptations_reasons_and_sources(
    client, ms_client, therapist
):
    call_command("load_evidence", stdout=io.StringIO())
    history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    client.force_login(therapist)
    response = client.post(new(ms_client), form_data(), follow=True)
    assert "Safety screen: Go ahead, with the adaptations" in response.text
    assert "R21: Heat sensitivity" in response.text
    assert "Keep the room cool" in response.text
    assert "Confidence grade" in response.text
    assert reverse("evidence-reference", args=["flensner2011"]) in response.text


def test_a_deferral_shows_the_threshold_note_and_an_override_needs_a_reason(
    client, ms_client, therapist
):
    history.add_entry(
        therapist, ms_client, "relapse", {"onset": timezone.localdate() - dt.timedelta(days=10)}
    )
    client.force_login(therapist)
    response = client.post(new(ms_client), form_data(), follow=True)
    assert "No hands-on session today" in response.text
    assert "No published threshold; msrelief&#x27;s choice" in response.text
    screen = Screen.objects.get()
    decide = reverse("safety-decide", args=[screen.pk])
    refused = client.post(decide, {"decision": "GO", "reason": ""})
    assert refused.status_code == 400
    assert "Say why you are going against the screen" in refused.text
    client.post(decide, {"decision": "GO", "reason": "Cleared by the MS nurse"})
    screen.refresh_from_db()
    assert screen.overridden


def test_a_past_date_or_a_bad_temperature_is_named_on_the_form(client, ms_client, therapist):
    client.force_login(therapist)
    past = client.post(new(ms_client), form_data(on="2020-01-01"))
    assert past.status_code == 400 and "today&#x27;s or a coming session" in past.text
    hot = client.post(new(ms_client), form_data(temperature_c="80"))
    assert hot.status_code == 400
    assert not Screen.objects.exists()


def test_an_outsider_gets_404_and_a_client_login_403(
    client, ms_client, therapist, outsider, person_with_ms
):
    client.force_login(therapist)
    client.post(new(ms_client), form_data())
    screen = Screen.objects.get()
    for user, status in ((outsider, 404), (person_with_ms, 403)):
        client.force_login(user)
        for url in (new(ms_client), reverse("safety-screen", args=[screen.pk]),
                    reverse("safety-decide", args=[screen.pk])):  # fmt: skip
            assert client.get(url).status_code == status
            assert client.post(url, form_data(decision="GO")).status_code == status
    assert Screen.objects.count() == 1
