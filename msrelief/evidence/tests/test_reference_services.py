import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.evidence import services
from msrelief.evidence.models import Reference
from msrelief.evidence.tests.conftest import make_reference, make_study


def test_a_clinic_admin_adds_a_reference_and_it_is_audited(clinic_admin):
    reference = make_reference(clinic_admin)
    event = AuditEvent.objects.get(action="create", object_type="evidence.reference")
    assert event.object_id == str(reference.pk)
    assert event.clinic == clinic_admin.clinic
    assert "doi" in event.changes["fields"]


def test_a_superuser_without_a_clinic_may_edit(superuser):
    make_reference(superuser)
    assert AuditEvent.objects.get(action="create").clinic is None


def test_an_evidence_editor_without_a_clinic_may_edit(evidence_editor):
    make_reference(evidence_editor)
    event = AuditEvent.objects.get(action="create")
    assert event.actor_email == "erin@research.test" and event.clinic is None


def test_a_deactivated_evidence_editor_may_not_edit(evidence_editor):
    evidence_editor.is_active = False
    with pytest.raises(PermissionDenied):
        make_reference(evidence_editor)


@pytest.mark.parametrize("persona", ["therapist", "outsider", "person_with_ms"])
def test_people_who_are_not_clinic_admins_cannot_add_references(request, persona):
    with pytest.raises(PermissionDenied):
        make_reference(request.getfixturevalue(persona))
    assert not Reference.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("doi", "doi.org/10.1/x", "Enter a DOI"),
        ("year", 1200, "greater than or equal to 1600"),
        ("year", 3000, "cannot be later than"),
        ("key", "bad key!", "Use letters, digits"),
        ("authors", [{"given": "J."}], "needs a family name"),
    ],
)
def test_bad_fields_are_named_and_nothing_is_saved(clinic_admin, field, value, message):
    with pytest.raises(ValidationError) as error:
        make_reference(clinic_admin, **{field: value})
    assert message in " ".join(error.value.message_dict[field])
    assert not Reference.objects.exists()
    assert not AuditEvent.objects.exists()


def test_an_update_audits_only_the_fields_that_changed(clinic_admin, reference):
    services.update_reference(clinic_admin, reference, title="New title", year=2020)
    event = AuditEvent.objects.get(action="update")
    assert event.changes == {"fields": ["title"]}
    assert Reference.objects.get().title == "New title"


def test_an_update_with_no_change_writes_no_event(clinic_admin, reference):
    services.update_reference(clinic_admin, reference, year=2020)
    assert not AuditEvent.objects.filter(action="update").exists()


def test_a_reference_with_a_study_cannot_be_deleted(clinic_admin, reference):
    make_study(clinic_admin, reference)
    with pytest.raises(ValidationError, match="reference of a study"):
        services.delete_reference(clinic_admin, reference)
    assert Reference.objects.exists()
    assert not AuditEvent.objects.filter(action="delete").exists()


def test_deleting_a_reference_is_audited(clinic_admin, reference):
    services.delete_reference(clinic_admin, reference)
    assert not Reference.objects.exists()
    assert AuditEvent.objects.filter(action="delete", object_type="evidence.reference").exists()


def test_csl_gives_a_csl_json_item(reference):
    item = reference.csl()
    assert item["id"] == "smith2020"
    assert item["type"] == "article-journal"
    assert item["issued"] == {"date-parts": [[2020]]}
    assert item["DOI"] == "10.1234/example.2020.1"
    assert item["author"][0] == {"family": "Smith", "given": "J."}
    assert "volume" not in item
