"""The erase page on the client record: clinic admin only, after a recent sign-in; it says
what will go and asks for the client number."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.privacy.models import Tombstone
from msrelief.testing import PASSWORD, enrol_totp, next_code


def _url(record):
    return reverse("privacy-erase", args=[record.pk])


def test_the_page_lists_what_will_go_and_asks_for_the_number(client, clinic_admin, ms_client):
    client.force_login(clinic_admin)
    answer = client.get(_url(ms_client))
    assert answer.status_code == 200
    assert f"Erase client #{ms_client.pk}" in answer.text
    assert "1 consent records" in answer.text or "1 consent record" in answer.text
    assert "Type the client number to confirm" in answer.text


def test_the_admin_erases_with_the_right_number_and_a_reason(client, clinic_admin, ms_client):
    client.force_login(clinic_admin)
    answer = client.post(
        _url(ms_client), {"client_number": str(ms_client.pk), "reason": "Asked in writing"}
    )
    assert answer.status_code == 302
    assert not Client.objects.filter(pk=ms_client.pk).exists()
    assert Tombstone.objects.get().client_number == ms_client.pk


def test_a_wrong_number_erases_nothing_and_says_which_field(client, clinic_admin, ms_client):
    client.force_login(clinic_admin)
    answer = client.post(_url(ms_client), {"client_number": "999999", "reason": "Asked"})
    assert answer.status_code == 400
    assert f"Type {ms_client.pk}, the number of this client" in answer.text
    assert Client.objects.filter(pk=ms_client.pk).exists()


def test_a_therapist_may_not_erase(client, therapist, ms_client):
    client.force_login(therapist)
    answer = client.post(
        _url(ms_client), {"client_number": str(ms_client.pk), "reason": "Asked in writing"}
    )
    assert answer.status_code == 403
    assert Client.objects.filter(pk=ms_client.pk).exists()


def test_an_outsider_gets_not_found(client, outsider, ms_client):
    client.force_login(outsider)
    assert client.get(_url(ms_client)).status_code == 404


def test_an_admin_who_signed_in_a_while_ago_proves_themselves_again_first(
    client, clinic_admin, ms_client
):
    enrol_totp(clinic_admin)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(
            reverse("accounts-login"), {"username": clinic_admin.email, "password": PASSWORD}
        )
        client.post(reverse("accounts-verify"), {"code": next_code(clinic_admin)})
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        answer = client.post(
            _url(ms_client), {"client_number": str(ms_client.pk), "reason": "Asked in writing"}
        )
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("accounts-reauth"))
    assert Client.objects.filter(pk=ms_client.pk).exists()
