import pytest
from django.urls import reverse

from msrelief.instruments import services
from msrelief.instruments.models import Response
from msrelief.testing import PHQ9_ALL_ZERO


@pytest.fixture
def stored(ms_client, therapist):
    return services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)


def test_staff_see_answers_scores_and_versions(client, stored, colleague):
    client.force_login(colleague)
    page = client.get(reverse("instruments-response", args=[stored.pk])).text
    assert "Version 1.0 of the form" in page
    assert "PHQ-9 form version 1.0, scoring rules edition 1" in page
    assert "phq9@1.0/" not in page
    assert "Not at all" in page


def test_an_outsider_gets_404(client, stored, outsider):
    client.force_login(outsider)
    assert client.get(reverse("instruments-response", args=[stored.pk])).status_code == 404


def test_a_correction_needs_a_reason_and_keeps_the_original(client, stored, therapist):
    client.force_login(therapist)
    url = reverse("instruments-correct", args=[stored.pk])
    data = {f"item_{n}": "0" for n in range(1, 10)}
    bad = client.post(url, {**data, "item_1": "2"})
    assert bad.status_code == 400
    assert 'href="#id_reason"' in bad.text
    good = client.post(url, {**data, "item_1": "2", "reason": "Misread the form"}, follow=True)
    assert "saved as a new version" in good.text
    assert Response.objects.count() == 2
    stored.refresh_from_db()
    assert stored.answers["1"] == 0


def test_an_outsider_cannot_correct(client, stored, outsider):
    client.force_login(outsider)
    url = reverse("instruments-correct", args=[stored.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
