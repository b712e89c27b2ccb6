from django.urls import reverse

from msrelief.audit.models import AuditEvent


def edit_url(client_record):
    return reverse("clients-edit", args=[client_record.pk])


def data_for(record, **overrides):
    data = {
        "display_name": record.display_name,
        "year_of_birth": str(record.year_of_birth),
        "sex": record.sex,
        "phenotype": record.phenotype,
        "diagnosis_year": str(record.diagnosis_year),
        "edss": str(record.edss),
        "notes": record.notes,
        "email": record.email,
        "therapist": str(record.therapist_id),
    }
    data.update(overrides)
    return data


def test_a_colleague_edits_a_record_and_the_change_is_audited(client, ms_client, colleague):
    client.force_login(colleague)
    response = client.post(edit_url(ms_client), data_for(ms_client, phenotype="SPMS"))
    assert response.status_code == 302
    ms_client.refresh_from_db()
    assert ms_client.phenotype == "SPMS"
    assert AuditEvent.objects.get(action="update").changes == {"fields": ["phenotype"]}


def test_the_edit_form_shows_the_stored_notes(client, ms_client, therapist):
    client.force_login(therapist)
    assert ">\nPrefers morning sessions.</textarea>" in client.get(edit_url(ms_client)).text


def test_bad_input_keeps_the_stored_record(client, ms_client, therapist):
    client.force_login(therapist)
    response = client.post(
        edit_url(ms_client), data_for(ms_client, diagnosis_year="1900", notes="x")
    )
    assert response.status_code == 400
    assert "before the year of birth" in response.text
    ms_client.refresh_from_db()
    assert ms_client.notes == "Prefers morning sessions."


def test_an_outsider_gets_404_for_the_edit_page_and_the_post(client, ms_client, outsider):
    client.force_login(outsider)
    assert client.get(edit_url(ms_client)).status_code == 404
    assert client.post(edit_url(ms_client), data_for(ms_client, notes="x")).status_code == 404
    ms_client.refresh_from_db()
    assert ms_client.notes == "Prefers morning sessions."
