"""privacy.services.update_processing: the clinic admin's own words for one processing
activity of their clinic, every field required, audited as privacy.processing_updated."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.privacy import services
from msrelief.privacy.models import ProcessingRecord
from msrelief.testing import make_user

WORDS = {"purpose": "Care", "lawful_basis": "Art. 6(1)(b)", "recipients": "Staff"}


def test_the_admin_writes_the_clinics_wording_and_it_is_audited(clinic_admin):
    record = services.update_processing(clinic_admin, "diary", **WORDS)
    assert (record.clinic, record.updated_by) == (clinic_admin.clinic, clinic_admin)
    event = AuditEvent.objects.get(event="privacy.processing_updated")
    assert event.actor == clinic_admin and event.clinic == clinic_admin.clinic
    assert event.changes == {"activity": "diary", "fields": list(WORDS)}
    assert "Care" not in event.object_label


def test_writing_again_changes_the_one_record_and_names_only_the_fields_that_changed(
    clinic_admin,
):
    services.update_processing(clinic_admin, "diary", **WORDS)
    services.update_processing(clinic_admin, "diary", **{**WORDS, "recipients": "Therapists"})
    assert ProcessingRecord.objects.get().recipients == "Therapists"
    latest = AuditEvent.objects.filter(event="privacy.processing_updated").latest("id")
    assert latest.changes["fields"] == ["recipients"]


def test_each_clinic_has_its_own_wording(clinic_admin, other_clinic):
    outsider_admin = make_user("ola@hillside.test", other_clinic, "clinic_admin")
    services.update_processing(clinic_admin, "diary", **WORDS)
    services.update_processing(outsider_admin, "diary", **{**WORDS, "purpose": "Research"})
    by_clinic = dict(ProcessingRecord.objects.values_list("clinic_id", "purpose"))
    assert by_clinic == {clinic_admin.clinic_id: "Care", outsider_admin.clinic_id: "Research"}


@pytest.mark.parametrize("persona", ["therapist", "outsider", "person_with_ms"])
def test_anyone_but_the_clinic_admin_is_refused(persona, request):
    with pytest.raises(PermissionDenied):
        services.update_processing(request.getfixturevalue(persona), "diary", **WORDS)
    assert not ProcessingRecord.objects.exists()


def test_a_missing_or_too_long_field_is_named(clinic_admin):
    with pytest.raises(ValidationError) as refused:
        services.update_processing(
            clinic_admin, "diary", **{**WORDS, "purpose": "", "recipients": "x" * 1001}
        )
    assert set(refused.value.message_dict) == {"purpose", "recipients"}
    assert not AuditEvent.objects.filter(event="privacy.processing_updated").exists()


def test_an_unknown_activity_is_named(clinic_admin):
    with pytest.raises(ValidationError) as refused:
        services.update_processing(clinic_admin, "horoscopes", **WORDS)
    assert "activity" in refused.value.message_dict
