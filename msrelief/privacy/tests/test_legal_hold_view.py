"""/clients/<id>/legal-hold/: the clinic admin places a hold (with a reason) or lifts it; the
record and the erase page show it."""

from django.urls import reverse

from msrelief.clients.models import Client
from msrelief.privacy import services
from msrelief.privacy.models import LegalHold


def _url(record):
    return reverse("privacy-legal-hold", args=[record.pk])


def test_the_admin_places_a_hold_and_the_record_shows_it(client, clinic_admin, ms_client):
    client.force_login(clinic_admin)
    answer = client.post(_url(ms_client), {"reason": "Claim made in writing"})
    assert answer.status_code == 302
    assert LegalHold.objects.get().client_id == ms_client.pk
    record = client.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert "On legal hold" in record and "See or lift the legal hold" in record
    assert "Erase this client and everything about them" not in record


def test_a_missing_reason_is_named_and_nothing_is_held(client, clinic_admin, ms_client):
    client.force_login(clinic_admin)
    answer = client.post(_url(ms_client), {"reason": ""})
    assert answer.status_code == 400
    assert "Answer “Why must the record be kept?”" in answer.text
    assert not LegalHold.objects.exists()


def test_the_admin_lifts_the_hold(client, clinic_admin, ms_client):
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    client.force_login(clinic_admin)
    page = client.get(_url(ms_client)).text
    assert "is on legal hold" in page and "Claim made in writing" in page
    assert client.post(_url(ms_client), {"action": "lift"}).status_code == 302
    assert not LegalHold.objects.exists()


def test_the_erase_page_of_a_held_client_says_why_and_erases_nothing(
    client, clinic_admin, ms_client
):
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    client.force_login(clinic_admin)
    erase = reverse("privacy-erase", args=[ms_client.pk])
    assert "cannot be erased: it is on legal hold" in client.get(erase).text
    posted = client.post(erase, {"client_number": str(ms_client.pk), "reason": "Asked"})
    assert posted.status_code == 400
    assert Client.objects.filter(pk=ms_client.pk).exists()


def test_the_record_tells_a_therapist_who_tries_to_delete_a_held_client(
    client, clinic_admin, therapist, ms_client
):
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    client.force_login(therapist)
    answer = client.post(reverse("clients-delete", args=[ms_client.pk]), follow=True)
    assert "cannot be deleted while it is kept" in answer.text
    assert Client.objects.filter(pk=ms_client.pk).exists()


def test_a_therapist_is_refused_and_an_outsider_gets_not_found(
    client, therapist, outsider, ms_client
):
    client.force_login(therapist)
    assert client.get(_url(ms_client)).status_code == 403
    client.force_login(outsider)
    assert client.get(_url(ms_client)).status_code == 404
