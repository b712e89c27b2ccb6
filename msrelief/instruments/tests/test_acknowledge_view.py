import pytest
from django.urls import reverse

from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO


@pytest.fixture
def flag(ms_client, therapist):
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 1})
    return response.safety_flags.get()


def test_open_flags_show_on_the_dashboard_until_acknowledged(client, flag, therapist):
    client.force_login(therapist)
    assert "Safety flags waiting for you" in client.get(reverse("clients-dashboard")).text
    url = reverse("instruments-acknowledge", args=[flag.pk])
    client.post(url, {"note": "Phoned the client"})
    assert "Safety flags waiting" not in client.get(reverse("clients-dashboard")).text


def test_an_empty_note_is_refused(client, flag, therapist):
    client.force_login(therapist)
    response = client.post(reverse("instruments-acknowledge", args=[flag.pk]), {"note": ""})
    assert response.status_code == 400
    flag.refresh_from_db()
    assert flag.acknowledged_at is None


def test_an_outsider_gets_404(client, flag, outsider):
    client.force_login(outsider)
    url = reverse("instruments-acknowledge", args=[flag.pk])
    assert client.post(url, {"note": "x"}).status_code == 404
