"""The questionnaire pages build an instrument's form once per process and clinic wording
(rendering.form_for): a clinic's new wording shows at once, and one clinic never sees
another's."""

import copy

from django.urls import reverse

from msrelief.instruments import services
from msrelief.testing import assign, licensed_wording, make_client_record, make_user


def _wording(text):
    resource = copy.deepcopy(licensed_wording("mfis21"))
    resource["item"][0]["text"] = text
    return resource


def _first_question(client, token):
    return client.get(reverse("fill-question", kwargs={"token": token, "number": 1})).text


def test_wording_imported_again_shows_on_the_next_page_seen(
    client, ms_client, therapist, clinic_admin
):
    services.import_clinic_questionnaire(clinic_admin, "mfis21", _wording("First wording"), "L")
    _, token = assign(therapist, ms_client, "mfis21")
    assert "First wording" in _first_question(client, token)
    services.import_clinic_questionnaire(clinic_admin, "mfis21", _wording("Second wording"), "L")
    page = _first_question(client, token)
    assert "Second wording" in page
    assert "First wording" not in page


def test_each_clinic_sees_its_own_wording_of_the_same_instrument(
    client, ms_client, therapist, clinic_admin, outsider, other_clinic
):
    other_admin = make_user("ola@hillside.test", other_clinic, "clinic_admin")
    other_client = make_client_record(outsider, display_name="Hillside client")
    services.import_clinic_questionnaire(clinic_admin, "mfis21", _wording("Harbour text"), "L")
    services.import_clinic_questionnaire(other_admin, "mfis21", _wording("Hillside text"), "L")
    _, harbour = assign(therapist, ms_client, "mfis21")
    _, hillside = assign(outsider, other_client, "mfis21")
    assert "Harbour text" in _first_question(client, harbour)
    hillside_page = _first_question(client, hillside)
    assert "Hillside text" in hillside_page
    assert "Harbour text" not in hillside_page
