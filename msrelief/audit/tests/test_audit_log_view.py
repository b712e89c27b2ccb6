from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.clients import services

URL = reverse("audit-log")


def test_a_clinic_admin_browses_the_clinics_events(client, ms_client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.get(URL)
    assert response.status_code == 200
    assert "tess@harbour.test" in response.text
    assert "Robin Example" in response.text


def test_the_log_filters_by_action(client, ms_client, clinic_admin, colleague):
    services.view_client(colleague, ms_client.pk)
    client.force_login(clinic_admin)
    page = client.get(URL, {"action": "view"}).text
    assert "cal@harbour.test" in page
    assert "tess@harbour.test" not in page


def test_an_admin_of_another_clinic_sees_none_of_these_events(client, ms_client, other_clinic):
    from msrelief.testing import make_user

    other_admin = make_user("ada@hillside.test", other_clinic, "clinic_admin")
    client.force_login(other_admin)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Robin Example" not in response.text


def test_a_therapist_may_not_open_the_audit_log(client, therapist):
    client.force_login(therapist)
    assert client.get(URL).status_code == 403


def test_the_log_offers_no_way_to_change_events(client, ms_client, clinic_admin):
    client.force_login(clinic_admin)
    count = AuditEvent.objects.count()
    assert client.post(URL, {"action": "delete"}).status_code in (200, 405)
    assert AuditEvent.objects.count() == count
