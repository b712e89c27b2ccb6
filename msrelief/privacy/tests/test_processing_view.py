"""/privacy/processing/ and its CSV: the clinic's record of processing activities, read by
every member of the clinic's staff, each seeing their own clinic's counts; the retention
periods are those of the settings now."""

import csv
import io

import pytest
from django.urls import reverse

from msrelief.clients import history_services
from msrelief.privacy import activities, services

PAGE = reverse("privacy-processing")
CSV = reverse("privacy-processing-csv")


def _csv_rows(answer):
    return list(csv.DictReader(io.StringIO(answer.content.decode())))


@pytest.mark.parametrize("persona", ["therapist", "colleague", "clinic_admin"])
def test_every_member_of_the_clinics_staff_reads_the_page(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    answer = client.get(PAGE)
    assert answer.status_code == 200
    for activity in activities.ACTIVITIES:
        assert activity.title in answer.text


def test_the_page_counts_the_clinics_records_and_an_outsider_sees_only_their_own(
    client, therapist, outsider, ms_client
):
    history_services.add_entry(therapist, ms_client, "goal", {"text": "Walk to the shop"})
    client.force_login(therapist)
    ours = {row["activity"]: row for row in _csv_rows(client.get(CSV))}
    assert ours["Health history"]["records held now"] == "1"
    assert ours["Client record and contact details"]["records held now"] == "1"
    client.force_login(outsider)
    theirs = {row["activity"]: row for row in _csv_rows(client.get(CSV))}
    assert theirs["Health history"]["records held now"] == "0"
    assert theirs["Client record and contact details"]["records held now"] == "0"
    assert ms_client.display_name not in client.get(PAGE).text


def test_the_retention_shown_follows_the_settings(client, therapist, settings):
    settings.RETAIN_CLIENT_YEARS = 13
    settings.RETAIN_MESSAGES_DAYS = 45
    client.force_login(therapist)
    text = client.get(PAGE).text
    assert "13 years after the client&#x27;s last contact" in text
    assert "45 days after it was written" in text


def test_the_csv_is_the_same_table_as_the_page(client, clinic_admin):
    client.force_login(clinic_admin)
    answer = client.get(CSV)
    assert answer["Content-Disposition"].startswith('attachment; filename="processing-activ')
    rows = _csv_rows(answer)
    assert [row["activity"] for row in rows] == [a.title for a in activities.ACTIVITIES]
    record = rows[0]
    assert record["how long it is kept"] == activities.BY_KEY["client-record"].retention()
    assert record["wording"] == "msrelief's default"


def test_the_clinics_own_wording_is_shown_and_a_formula_is_written_as_text(client, clinic_admin):
    services.update_processing(
        clinic_admin,
        "diary",
        purpose='=HYPERLINK("http://x.test")',
        lawful_basis="Art. 9(2)(a): explicit consent",
        recipients="The therapist only",
    )
    client.force_login(clinic_admin)
    assert "The therapist only" in client.get(PAGE).text
    diary = {row["activity"]: row for row in _csv_rows(client.get(CSV))}["Symptom diary"]
    assert diary["purpose"].startswith("'=") and diary["wording"] == "the clinic's"


def test_only_the_clinic_admin_is_offered_the_change_of_wording(client, therapist, clinic_admin):
    edit = reverse("privacy-processing-edit", args=["diary"])
    client.force_login(therapist)
    assert edit not in client.get(PAGE).text
    client.force_login(clinic_admin)
    assert edit in client.get(PAGE).text


def test_a_client_login_is_refused(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(PAGE).status_code == 403
    assert client.get(CSV).status_code == 403
