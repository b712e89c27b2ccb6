from django.urls import reverse

from msrelief.clients.models import Client


def delete_url(record):
    return reverse("clients-delete", args=[record.pk])


def test_the_responsible_therapist_confirms_and_deletes(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.get(delete_url(ms_client)).text
    assert "Are you sure you want to delete Robin Example's record?" in page
    assert "cannot be undone" in page and "No, keep it</a>" in page
    assert Client.objects.exists()
    response = client.post(delete_url(ms_client))
    assert response.status_code == 302
    assert not Client.objects.exists()


def test_a_colleague_is_told_they_may_not_delete(client, ms_client, colleague):
    client.force_login(colleague)
    response = client.post(delete_url(ms_client), follow=True)
    assert "Only the clinic admin or the responsible therapist" in response.text
    assert Client.objects.exists()


def test_an_outsider_gets_404(client, ms_client, outsider):
    client.force_login(outsider)
    assert client.post(delete_url(ms_client)).status_code == 404
    assert Client.objects.exists()
