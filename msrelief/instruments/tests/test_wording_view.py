"""A clinic admin imports her clinic's licensed wording of a scoring-only questionnaire."""

import html
import io
import json

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msrelief.audit.models import AuditEvent
from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.testing import licensed_wording, make_user

URL = reverse("instruments-wording")


def import_(client, resource, **fields):
    data = {
        "instrument": "mfis21",
        "questionnaire_text": resource if isinstance(resource, str) else json.dumps(resource),
        "licence_note": "Licence 2026-0042",
        **fields,
    }
    return client.post(URL, data)


def test_the_page_lists_the_scoring_only_questionnaires_and_what_the_clinic_holds(
    client, clinic_admin
):
    client.force_login(clinic_admin)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Modified Fatigue Impact Scale" in response.text and "mfis21" in response.text
    assert "Not imported: clients cannot be sent it" in response.text
    assert "Patient Health Questionnaire" not in response.text  # PHQ-9 ships its own wording


def test_pasted_wording_that_matches_is_stored_for_the_clinic_and_audited(client, clinic_admin):
    client.force_login(clinic_admin)
    response = import_(client, licensed_wording())
    assert response.status_code == 302
    stored = ClinicQuestionnaire.objects.get()
    assert stored.clinic == clinic_admin.clinic and stored.licence_note == "Licence 2026-0042"
    assert AuditEvent.objects.filter(object_type="instruments.clinicquestionnaire").exists()
    page = client.get(URL).text
    assert "Saved your wording of mfis21" in page
    assert "Imported" in page and "Licence: Licence 2026-0042" in page


def test_an_uploaded_file_works_like_pasted_json(client, clinic_admin):
    client.force_login(clinic_admin)
    upload = io.BytesIO(json.dumps(licensed_wording()).encode())
    upload.name = "mfis21.json"
    data = {"instrument": "mfis21", "questionnaire_file": upload, "licence_note": "Licence 1"}
    assert client.post(URL, data).status_code == 302
    assert ClinicQuestionnaire.objects.count() == 1


def test_wording_that_does_not_match_names_every_problem_and_saves_nothing(client, clinic_admin):
    client.force_login(clinic_admin)
    resource = licensed_wording()
    resource["item"][0]["answerOption"].pop()
    resource["item"][3]["text"] = " "
    response = import_(client, resource)
    assert response.status_code == 400
    assert "Item 1, answer values (answerOption ordinalValue): must be" in response.text
    assert "Item 4, text: empty" in response.text
    assert not ClinicQuestionnaire.objects.exists()


def test_text_that_is_not_json_says_where_it_broke(client, clinic_admin):
    client.force_login(clinic_admin)
    response = import_(client, '{"resourceType": "Questionnaire",\n  "item": [}')
    assert response.status_code == 400
    assert "This cannot be used: not valid JSON (line 2, column" in response.text
    assert not ClinicQuestionnaire.objects.exists()


def test_a_missing_licence_and_a_missing_file_are_both_named(client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.post(URL, {"instrument": "mfis21", "licence_note": ""})
    assert response.status_code == 400
    assert "Choose a file or paste the JSON." in response.text
    assert "Enter your clinic&#x27;s licence." in response.text


def test_an_instrument_that_ships_its_own_wording_cannot_be_chosen(client, clinic_admin):
    client.force_login(clinic_admin)
    response = import_(client, licensed_wording("phq9"), instrument="phq9")
    assert response.status_code == 400
    assert "Choose one of the options listed for the questionnaire." in response.text


def test_a_therapist_may_not_import(client, therapist):
    client.force_login(therapist)
    assert client.get(URL).status_code == 403
    assert import_(client, licensed_wording()).status_code == 403
    assert not ClinicQuestionnaire.objects.exists()


def test_a_visitor_is_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_another_clinics_import_is_not_shown(client, clinic_admin, outsider):
    from msrelief.instruments import services

    other_admin = make_user("ola@hillside.test", outsider.clinic, "clinic_admin")
    services.import_clinic_questionnaire(other_admin, "mfis21", licensed_wording(), "Theirs")
    client.force_login(clinic_admin)
    page = client.get(URL).text
    assert "Theirs" not in page and "Not imported: clients cannot be sent it" in page


def test_the_structure_file_has_the_items_and_answer_values_but_no_wording(client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.get(reverse("instruments-wording-structure", args=["mfis21"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mfis21-structure.json"'
    resource = json.loads(response.content)
    assert resource["resourceType"] == "Questionnaire" and len(resource["item"]) == 21
    assert resource["item"][0]["text"] == "Item 1"


def test_there_is_no_structure_file_for_an_instrument_with_shipped_wording(client, clinic_admin):
    client.force_login(clinic_admin)
    assert client.get(reverse("instruments-wording-structure", args=["phq9"])).status_code == 404


def test_json_nested_deeper_than_the_limit_is_a_field_error_naming_the_limit(client, clinic_admin):
    client.force_login(clinic_admin)
    response = import_(
        client, '{"resourceType": "Questionnaire", "item": ' + "[" * 5000 + "]" * 5000 + "}"
    )
    assert response.status_code == 400
    assert "nested more than 64 levels deep (the limit)" in response.text
    assert not ClinicQuestionnaire.objects.exists()


def test_an_answer_whose_extensions_are_null_is_named_not_a_server_error(client, clinic_admin):
    client.force_login(clinic_admin)
    resource = licensed_wording("mfis21")
    resource["item"][0]["answerOption"][0]["extension"] = None
    response = import_(client, resource)
    assert response.status_code == 400
    assert "Item 1, answer values (answerOption ordinalValue): must be" in html.unescape(
        response.text
    )


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["linkId", "text", "item", "answerOption", "x"]), children
        )
    ),
    max_leaves=20,
)


@st.composite
def _damaged_wording(draw):
    """The valid licensed wording with one part of it replaced by arbitrary JSON."""
    resource = licensed_wording("mfis21")
    target = draw(st.sampled_from(["resource", "item", "answer", "extension"]))
    value = draw(_json)
    if target == "resource":
        resource[draw(st.sampled_from(["resourceType", "item", "version", "status"]))] = value
    elif target == "item":
        resource["item"][draw(st.integers(0, 20))] = value
    else:
        option = resource["item"][0]["answerOption"][0]
        option["valueCoding" if target == "answer" else "extension"] = value
    return json.dumps(resource)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(max_size=200), _json.map(json.dumps), _damaged_wording()))
def test_any_pasted_text_is_imported_or_refused_never_a_server_error(client, clinic_admin, text):
    client.force_login(clinic_admin)
    response = import_(client, text)
    assert response.status_code in (302, 400)


def test_the_downloaded_structure_sent_back_unchanged_is_refused_with_the_items_named(
    client, clinic_admin
):
    client.force_login(clinic_admin)
    structure = client.get(reverse("instruments-wording-structure", args=["mfis21"])).content
    response = import_(client, structure.decode())
    assert response.status_code == 400
    page = html.unescape(response.text)
    assert "This is the structure file unchanged" in page
    assert "Item 5, text: still the placeholder 'Item 5'" in page
    assert "… and the same for 16 more items" in page
    assert not ClinicQuestionnaire.objects.exists()
