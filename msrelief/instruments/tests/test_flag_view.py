import pytest
from django.core import mail
from django.urls import reverse

from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO, assign


@pytest.fixture
def flag(ms_client, therapist):
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 1})
    return response.safety_flags.get()


def page(flag):
    return reverse("instruments-flag", args=[flag.pk])


def test_new_flags_show_on_the_dashboard_until_acknowledged_then_as_open(client, flag, therapist):
    client.force_login(therapist)
    assert "Safety flags waiting for you" in client.get(reverse("clients-dashboard")).text
    url = reverse("instruments-acknowledge", args=[flag.pk])
    client.post(url, {"note": "Phoned the client"})
    dashboard = client.get(reverse("clients-dashboard")).text
    assert "Safety flags waiting" not in dashboard
    assert "Acknowledged safety flags not yet resolved" in dashboard
    client.post(reverse("instruments-resolve", args=[flag.pk]), {"note": "GP has seen her"})
    assert "not yet resolved" not in client.get(reverse("clients-dashboard")).text


def test_the_flag_page_shows_the_state_and_the_notes_of_who_did_what(
    client, flag, therapist, colleague
):
    services.acknowledge_flag(therapist, flag, "Phoned; she has support from her sister")
    services.resolve_flag(colleague, flag, "Reviewed with her GP")
    client.force_login(therapist)
    text = client.get(page(flag)).text
    assert "Resolved" in text
    assert "Phoned; she has support from her sister" in text
    assert "Reviewed with her GP" in text
    assert colleague.full_name in text
    assert "This flag is closed" in text


def test_the_measures_page_and_the_client_record_show_an_acknowledged_note_and_resolved_flags(
    client, flag, therapist, ms_client
):
    services.acknowledge_flag(therapist, flag, "Phoned the client")
    client.force_login(therapist)
    for url in (
        reverse("instruments-measures", args=[ms_client.pk]),
        reverse("clients-detail", args=[ms_client.pk]),
    ):
        text = client.get(url).text
        assert "acknowledged, not yet resolved" in text
        assert "Phoned the client" in text
    services.resolve_flag(therapist, flag, "Safety plan in place")
    text = client.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert "Resolved safety flags (1)" in text
    assert "Safety plan in place" in text


def test_the_response_page_shows_its_flag_with_a_link_to_it(client, flag, therapist):
    client.force_login(therapist)
    text = client.get(reverse("instruments-response", args=[flag.response_id])).text
    assert "Safety flag: new: needs your attention" in text
    assert page(flag) in text


def test_the_alert_email_links_to_the_flag_itself(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 2}, None)
    with django_capture_on_commit_callbacks(execute=True):
        response = services.submit_response(administration, None, "link")
    flag = response.safety_flags.get()
    body = mail.outbox[0].body
    assert settings.BASE_URL + page(flag) in body
    assert "PHQ-9 question 9 answered above zero" in body
    assert "phq9-item9" not in body


def test_an_empty_note_is_refused_on_the_flag_page(client, flag, therapist):
    client.force_login(therapist)
    response = client.post(reverse("instruments-acknowledge", args=[flag.pk]), {"note": ""})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    flag.refresh_from_db()
    assert flag.acknowledged_at is None


def test_resolving_a_new_flag_is_refused_with_the_reason(client, flag, therapist):
    client.force_login(therapist)
    response = client.post(reverse("instruments-resolve", args=[flag.pk]), {"note": "Done"})
    assert response.status_code == 400
    assert "before resolving" in response.text


def test_an_old_link_to_the_acknowledge_address_opens_the_flag_page(client, flag, therapist):
    client.force_login(therapist)
    response = client.get(reverse("instruments-acknowledge", args=[flag.pk]))
    assert response.status_code == 302 and response.url == page(flag)


def test_an_outsider_gets_404(client, flag, outsider):
    client.force_login(outsider)
    assert client.get(page(flag)).status_code == 404
    url = reverse("instruments-acknowledge", args=[flag.pk])
    assert client.post(url, {"note": "x"}).status_code == 404
