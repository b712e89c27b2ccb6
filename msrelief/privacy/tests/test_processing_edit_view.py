"""/privacy/processing/<activity>/edit/: the clinic admin writes the clinic's purpose, lawful
basis and recipients of one activity; the form starts from what the page shows."""

from django.urls import reverse
from django.utils.html import escape

from msrelief.privacy import activities
from msrelief.privacy.models import ProcessingRecord

URL = reverse("privacy-processing-edit", args=["questionnaires"])
WORDS = {
    "purpose": "To follow each client's outcomes.",
    "lawful_basis": "Art. 6(1)(b) and art. 9(2)(h)",
    "recipients": "Therapists of the clinic",
}


def test_the_form_starts_from_the_default_wording(client, clinic_admin):
    client.force_login(clinic_admin)
    text = client.get(URL).text
    assert activities.BY_KEY["questionnaires"].purpose in text
    assert "This is msrelief's default wording" in text


def test_the_admin_saves_the_clinics_wording_and_the_page_shows_it(client, clinic_admin):
    client.force_login(clinic_admin)
    answer = client.post(URL, WORDS)
    assert answer.status_code == 302 and answer["Location"] == reverse("privacy-processing")
    record = ProcessingRecord.objects.get()
    assert (record.activity, record.clinic, record.purpose) == (
        "questionnaires",
        clinic_admin.clinic,
        WORDS["purpose"],
    )
    assert escape(WORDS["purpose"]) in client.get(reverse("privacy-processing")).text


def test_an_empty_field_is_named_and_nothing_is_saved(client, clinic_admin):
    client.force_login(clinic_admin)
    answer = client.post(URL, {**WORDS, "lawful_basis": " "})
    assert answer.status_code == 400
    assert "Enter the lawful basis." in answer.text
    assert not ProcessingRecord.objects.exists()


def test_a_therapist_may_read_but_not_change_the_wording(client, therapist):
    client.force_login(therapist)
    assert client.post(URL, WORDS).status_code == 403
    assert not ProcessingRecord.objects.exists()


def test_an_activity_that_does_not_exist_is_not_found(client, clinic_admin):
    client.force_login(clinic_admin)
    answer = client.get(reverse("privacy-processing-edit", args=["horoscopes"]))
    assert answer.status_code == 404
