"""The staff page that records a client's withdrawal of consent."""

from django.urls import reverse
from django.utils import timezone

from msrelief.privacy.models import ConsentWithdrawal


def test_staff_record_a_withdrawal_with_its_date(client, therapist, ms_client):
    client.force_login(therapist)
    url = reverse("privacy-withdraw", args=[ms_client.pk])
    answer = client.post(url, {"withdrawn_on": timezone.localdate().isoformat()})
    assert answer.status_code == 302
    assert ConsentWithdrawal.objects.get().client == ms_client


def test_a_missing_date_is_named(client, therapist, ms_client):
    client.force_login(therapist)
    answer = client.post(reverse("privacy-withdraw", args=[ms_client.pk]), {})
    assert answer.status_code == 400
    assert "Enter the date the client withdrew their consent." in answer.text
    assert not ConsentWithdrawal.objects.exists()


def test_an_outsider_gets_not_found(client, outsider, ms_client):
    client.force_login(outsider)
    assert client.get(reverse("privacy-withdraw", args=[ms_client.pk])).status_code == 404
