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
