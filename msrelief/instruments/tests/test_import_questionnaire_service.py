import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.instruments import rendering, services
from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.scoring import get_definition
from msrelief.testing import licensed_wording as licensed_text


def test_a_clinic_admin_imports_wording_and_clients_can_then_be_sent_it(
    clinic_admin, ms_client, therapist
):
    definition = get_definition("mfis21")
    assert not rendering.can_be_shown(ms_client.clinic_id, definition)
    services.import_clinic_questionnaire(clinic_admin, "mfis21", licensed_text(), "MAPI licence 42")
    assert rendering.can_be_shown(ms_client.clinic_id, definition)
    form = rendering.build_form("mfis21", definition.version, ms_client.clinic_id)
    assert form.items[0].text == "Licensed wording of question 1"
    administration, _ = services.assign_instrument(therapist, ms_client, "mfis21")
    assert administration.instrument_code == "mfis21"


def test_other_clinics_do_not_get_the_wording(clinic_admin, other_clinic):
    services.import_clinic_questionnaire(clinic_admin, "mfis21", licensed_text(), "Licence")
    assert not rendering.can_be_shown(other_clinic.pk, get_definition("mfis21"))


def test_a_therapist_cannot_import(therapist):
    with pytest.raises(PermissionDenied):
        services.import_clinic_questionnaire(therapist, "mfis21", licensed_text(), "Licence")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda q: q["item"].pop(), "items must be"),
        (lambda q: q["item"][0]["answerOption"].pop(), "answer values"),
        (lambda q: q.update(resourceType="Patient"), "not a FHIR Questionnaire"),
        (lambda q: q.update(item="not a list"), "Not a valid FHIR"),
    ],
)
def test_wording_that_does_not_match_the_definition_is_refused(clinic_admin, change, message):
    resource = licensed_text()
    change(resource)
    with pytest.raises(ValidationError, match=message):
        services.import_clinic_questionnaire(clinic_admin, "mfis21", resource, "Licence")
    assert not ClinicQuestionnaire.objects.exists()


def _refusal(clinic_admin, resource, code="mfis21"):
    with pytest.raises(ValidationError) as refused:
        services.import_clinic_questionnaire(clinic_admin, code, resource, "Licence")
    assert not ClinicQuestionnaire.objects.exists()
    return refused.value.message_dict


def test_the_unchanged_structure_file_is_refused_naming_the_first_items_still_placeholders(
    clinic_admin,
):
    structure = get_definition("mfis21").questionnaire  # what the clinic downloads
    problems = _refusal(clinic_admin, structure)["questionnaire"]
    assert problems[0].startswith("This is the structure file unchanged")
    placeholders = [p for p in problems if ", text: still the placeholder" in p]
    assert [p.split(",")[0] for p in placeholders] == [f"Item {n}" for n in range(1, 6)]
    assert "Item 1, text: still the placeholder 'Item 1'; put your licensed wording" in problems[1]
    assert "… and the same for 16 more items" in problems


def test_one_item_still_holding_its_placeholder_is_named_by_number_and_field(clinic_admin):
    resource = licensed_text()
    resource["item"][6]["text"] = "Item 7"
    problems = _refusal(clinic_admin, resource)["questionnaire"]
    assert problems == [
        "Item 7, text: still the placeholder 'Item 7'; put your licensed wording in its place"
    ]


def test_an_answer_with_only_its_number_is_refused_naming_the_item_and_the_answers(clinic_admin):
    resource = licensed_text()
    options = resource["item"][2]["answerOption"]
    values = [option["extension"][0]["valueDecimal"] for option in options]
    options[0]["valueCoding"]["display"] = str(values[0])
    del options[3]["valueCoding"]["display"]
    problems = _refusal(clinic_admin, resource)["questionnaire"]
    assert problems == [
        "Item 3, answer labels (answerOption valueCoding.display): answers "
        f"{values[0]:g}, {values[3]:g} have only a number; give each the words the client reads"
    ]


def test_a_label_that_keeps_its_number_beside_the_words_is_accepted(clinic_admin):
    resource = licensed_text()
    for option in resource["item"][0]["answerOption"]:
        option["valueCoding"]["display"] = f"{option['valueCoding']['code']} - Licensed label"
    services.import_clinic_questionnaire(clinic_admin, "mfis21", resource, "Licence")
    assert ClinicQuestionnaire.objects.count() == 1


def test_an_instrument_that_ships_its_own_wording_takes_no_clinic_wording(clinic_admin):
    problems = _refusal(clinic_admin, licensed_text("rand36"), code="rand36")
    assert problems == {
        "instrument": [
            "RAND 36-Item Health Survey 1.0 (RAND-36) ships its own wording, so it takes no "
            "clinic wording; only scoring-only questionnaires do."
        ]
    }


def test_a_questionnaire_whose_items_are_null_is_refused_naming_the_items(clinic_admin):
    # FHIR validation lets "item": null through; the item check used to fail with a TypeError.
    wording = {**licensed_text(), "item": None}
    with pytest.raises(ValidationError, match="items must be"):
        services.import_clinic_questionnaire(clinic_admin, "mfis21", wording, "Licence")
    assert not ClinicQuestionnaire.objects.exists()
