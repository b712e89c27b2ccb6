from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client

URL = reverse("clients-add")


def form_data(**overrides):
    data = {
        "display_name": "Jo Newcomer",
        "year_of_birth": "1984",
        "sex": "female",
        "phenotype": "SPMS",
        "diagnosis_year": "2009",
        "edss": "5.5",
        "email": "jo@example.test",
        "notes": "",
        "consent_given": "on",
        "consented_on": "2026-11-01",
    }
    data.update(overrides)
    return data


def test_a_therapist_adds_a_client_and_is_taken_to_the_record(client, therapist):
    client.force_login(therapist)
    response = client.post(URL, form_data(therapist=str(therapist.pk)))
    new = Client.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("clients-detail", args=[new.pk])
    assert new.consents.get().consented_on.isoformat() == "2026-11-01"


def test_the_form_shows_the_consent_text_and_its_version(client, therapist):
    client.force_login(therapist)
    page = client.get(URL).text
    assert "Consent (version 2026-11)" in page
    assert "does not treat MS itself" in page


def test_bad_input_is_shown_on_the_field_and_nothing_is_saved(client, therapist):
    client.force_login(therapist)
    response = client.post(
        URL, form_data(therapist=str(therapist.pk), edss="3.3", consent_given="")
    )
    assert response.status_code == 400
    page = response.text
    assert "There is a problem" in page
    assert 'href="#id_edss"' in page
    assert "steps of 0.5" in page
    assert "Record the client&#x27;s consent" in page
    assert 'aria-invalid="true"' in page
    assert not Client.objects.exists()
    assert not AuditEvent.objects.exclude(event__startswith="auth.").exists()


def test_an_outsider_cannot_pick_a_therapist_from_another_clinic(client, therapist, outsider):
    client.force_login(outsider)
    response = client.post(URL, form_data(therapist=str(therapist.pk)))
    assert response.status_code == 400
    assert not Client.objects.exists()


def test_a_person_with_ms_cannot_open_the_add_form(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(URL).status_code == 403


def test_the_responsible_therapist_is_preselected_as_whoever_adds_the_client(
    client, therapist, colleague, clinic_admin
):
    # Alex Admin and Cal Colleague sort before Tess: the first option must not win.
    client.force_login(therapist)
    form = client.get(URL).context["form"]
    assert form["therapist"].value() == therapist.pk
    client.force_login(colleague)
    assert client.get(URL).context["form"]["therapist"].value() == colleague.pk
