import csv
import io

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.clients import services

URL = reverse("audit-log")
CSV = reverse("audit-csv")


def test_a_clinic_admin_reads_the_clinics_events_as_sentences_without_names(
    client, ms_client, clinic_admin
):
    client.force_login(clinic_admin)
    response = client.get(URL)
    assert response.status_code == 200
    assert f"tess@harbour.test added Client #{ms_client.pk}" in response.text
    assert "Robin Example" not in response.text.split("<main")[1]


def test_the_log_filters_by_action(client, ms_client, clinic_admin, colleague):
    services.view_client(colleague, ms_client.pk)
    client.force_login(clinic_admin)
    page = client.get(URL, {"action": "view"}).text
    assert "cal@harbour.test" in page
    assert "tess@harbour.test" not in page


def test_the_log_filters_by_kind_client_and_date(client, ms_client, clinic_admin, therapist):
    from msrelief.testing import make_client_record

    other = make_client_record(therapist, display_name="Sam Other")
    client.force_login(clinic_admin)
    page = client.get(URL, {"client": other.pk, "event": "client.created"}).text
    assert f"added Client #{other.pk}" in page
    assert f"Client #{ms_client.pk}" not in page
    assert "No events match" in client.get(URL, {"until": "2000-01-01"}).text


def test_a_bad_filter_is_named_and_shows_nothing(client, clinic_admin):
    client.force_login(clinic_admin)
    page = client.get(URL, {"client": "abc", "since": "yesterday"})
    assert page.status_code == 400
    assert "There is a problem" in page.text
    assert "No events match" in page.text


def test_the_csv_download_has_the_filtered_events_and_is_itself_audited(
    client, ms_client, clinic_admin
):
    client.force_login(clinic_admin)
    response = client.get(CSV, {"event": "client.created"})
    assert response["Content-Disposition"] == 'attachment; filename="msrelief-audit-log.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["what happened"] for row in rows] == [
        f"tess@harbour.test added Client #{ms_client.pk}"
    ]
    assert rows[0]["client"] == f"Client #{ms_client.pk}"
    assert AuditEvent.objects.filter(event="audit.exported", actor=clinic_admin).exists()


def test_an_admin_of_another_clinic_sees_none_of_these_events(client, ms_client, other_clinic):
    from msrelief.testing import make_user

    other_admin = make_user("ada@hillside.test", other_clinic, "clinic_admin")
    client.force_login(other_admin)
    assert "tess@harbour.test" not in client.get(URL).text
    assert "tess@harbour.test" not in client.get(CSV).content.decode()


def test_a_therapist_may_not_open_the_audit_log_or_download_it(client, therapist):
    client.force_login(therapist)
    assert client.get(URL).status_code == 403
    assert client.get(CSV).status_code == 403


def test_the_log_offers_no_way_to_change_events(client, ms_client, clinic_admin):
    client.force_login(clinic_admin)
    count = AuditEvent.objects.count()
    assert client.post(URL, {"action": "delete"}).status_code in (200, 405)
    assert AuditEvent.objects.count() == count
