"""/me/consent/withdraw/: the client withdraws their own consent from their portal."""

from django.urls import reverse

from msrelief.privacy.models import ConsentWithdrawal

URL = reverse("privacy-withdraw-own")


def test_the_client_confirms_and_the_withdrawal_is_recorded(client, ms_client, person_with_ms):
    ms_client.user = person_with_ms
    ms_client.save()
    client.force_login(person_with_ms)
    assert "Withdraw my consent" in client.get(URL).text
    assert client.post(URL).status_code == 302
    assert ConsentWithdrawal.objects.get().by_client
    assert "Your withdrawal of consent is recorded" in client.get(URL).text


def test_staff_are_refused(client, therapist):
    client.force_login(therapist)
    assert client.get(URL).status_code == 403
