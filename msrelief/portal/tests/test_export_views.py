"""Downloading everything kept about a client: staff from the record (a recent sign-in
needed, their clinic's clients only), the client from /me/data/ (their own only). Both are
audited."""

import json

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.core.signin import PROVEN_AT, now_seconds
from msrelief.testing import PASSWORD_BACKEND


def _staff_url(record, file_format="json"):
    return reverse("portal-export", kwargs={"pk": record.pk, "file_format": file_format})


def _own_url(file_format="json"):
    return reverse("portal-download", kwargs={"file_format": file_format})


def test_staff_download_a_clients_data_as_json_and_it_is_audited(client, therapist, robin):
    client.force_login(therapist)
    answer = client.get(_staff_url(robin))
    assert answer.status_code == 200
    assert answer["Content-Disposition"].startswith('attachment; filename="client-')
    data = json.loads(answer.content)
    assert data["record"]["display_name"] == "Robin Example"
    event = AuditEvent.objects.get(event="client.data_exported")
    assert event.actor == therapist and event.client_ref == robin.pk
    assert event.changes == {"format": "json", "by": "staff"}


def test_staff_download_a_readable_page(client, therapist, robin):
    client.force_login(therapist)
    answer = client.get(_staff_url(robin, "html"))
    assert answer["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Everything Harbour Street Clinic keeps about Robin Example</h1>" in answer.text


def test_staff_who_signed_in_a_while_ago_prove_themselves_again_first(client, therapist, robin):
    client.force_login(therapist, backend=PASSWORD_BACKEND)
    session = client.session
    session[PROVEN_AT] = now_seconds() - 3600
    session.save()
    answer = client.get(_staff_url(robin))
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("accounts-reauth"))
    assert not AuditEvent.objects.filter(event="client.data_exported").exists()


def test_an_outsider_cannot_download_another_clinics_client(client, outsider, robin):
    client.force_login(outsider)
    assert client.get(_staff_url(robin)).status_code == 404
    assert not AuditEvent.objects.filter(event="client.data_exported").exists()


def test_a_client_cannot_use_the_staff_download(client, robin):
    client.force_login(robin.user)
    assert client.get(_staff_url(robin)).status_code == 403


def test_an_unknown_format_is_a_404(client, therapist, robin):
    client.force_login(therapist)
    assert client.get(_staff_url(robin, "xml")).status_code == 404
    client.force_login(robin.user)
    assert client.get(_own_url("xml")).status_code == 404


def test_a_client_downloads_their_own_data_and_it_is_audited(client, robin):
    client.force_login(robin.user)
    page = client.get(reverse("portal-data")).text
    assert _own_url("json") in page and _own_url("html") in page
    data = json.loads(client.get(_own_url("json")).content)
    assert data["record"]["id"] == robin.pk
    assert "<h2" in client.get(_own_url("html")).text
    events = AuditEvent.objects.filter(event="client.data_exported", actor=robin.user)
    assert sorted(e.changes["format"] for e in events) == ["html", "json"]
    assert all(e.changes["by"] == "client" for e in events)


def test_a_client_gets_only_their_own_data(client, robin, therapist, clinic):
    from msrelief.clients import services as clients
    from msrelief.testing import make_client_record, make_user

    sam = make_client_record(therapist, display_name="Sam Other")
    sam_login = make_user("sam@example.test", clinic, "client")
    clients.link_login(therapist, sam, sam_login)
    client.force_login(sam_login)
    data = json.loads(client.get(_own_url("json")).content)
    assert data["record"]["id"] == sam.pk
    assert "Robin" not in json.dumps(data)
