"""The evidence services write the change log: one row for each record added, changed or
deleted, in the edit's own transaction, with each field's value before and after."""

import pytest

from msrelief.audit.models import AuditEvent
from msrelief.evidence import services
from msrelief.evidence.change_models import ChangeLogImmutableError, EvidenceChange
from msrelief.evidence.models import Arm, Result
from msrelief.evidence.tests.edits import EDITS, make_records


@pytest.fixture
def records(evidence_editor):
    return make_records(evidence_editor)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_of_the_fifteen_service_functions_writes_exactly_one_change(
    clinic_admin, records, name
):
    edit, applied, kind, action = EDITS[name]
    before = EvidenceChange.objects.count()
    edit(clinic_admin, records)
    assert applied(records)
    assert EvidenceChange.objects.count() == before + 1
    change = EvidenceChange.objects.latest("id")
    assert (change.kind, change.action, change.state) == (kind, action, "applied")
    assert change.proposal is None
    assert change.editor == clinic_admin


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_keeps_its_one_audit_event_as_before(clinic_admin, records, name):
    edit, _applied, kind, action = EDITS[name]
    before = AuditEvent.objects.count()
    edit(clinic_admin, records)
    event = AuditEvent.objects.latest("id")
    assert AuditEvent.objects.count() == before + 1
    assert (event.object_type, event.action) == (f"evidence.{kind}", action)
    assert event.clinic == clinic_admin.clinic


def test_an_update_logs_each_changed_field_with_its_value_before_and_after(clinic_admin, records):
    services.update_study(
        clinic_admin, records["study"], design="Crossover trial", n_randomised=40, country=""
    )
    change = EvidenceChange.objects.latest("id")
    assert change.object_label == "smith2020"
    assert change.object_id == records["study"].pk
    assert change.fields == [
        {"name": "design", "before": "", "after": "Crossover trial"},
        {"name": "n_randomised", "before": None, "after": 40},
    ]


def test_a_related_record_is_logged_by_its_key_and_a_claims_references_by_theirs(
    clinic_admin, records
):
    both = [records["reference"], records["spare_reference"]]
    services.update_claim(clinic_admin, records["claim"], references=both)
    change = EvidenceChange.objects.latest("id")
    assert change.fields == [
        {"name": "references", "before": ["smith2020"], "after": ["smith2020", "spare2019"]}
    ]
    services.update_study(clinic_admin, records["study"], reference=records["spare_reference"])
    assert EvidenceChange.objects.latest("id").fields == [
        {"name": "reference", "before": "smith2020", "after": "spare2019"}
    ]


def test_an_addition_logs_the_values_it_was_given(clinic_admin, records):
    services.create_arm(
        clinic_admin, records["study"], name="stretch", kind="comparator", label="Stretching",
        weeks=6.0,
    )  # fmt: skip
    change = EvidenceChange.objects.latest("id")
    assert change.object_label == "smith2020: Stretching"
    assert {item["name"]: item["after"] for item in change.fields} == {
        "name": "stretch", "kind": "comparator", "label": "Stretching", "weeks": 6.0,
    }  # fmt: skip
    assert all(item["before"] is None for item in change.fields)


def test_a_deletion_logs_the_values_the_record_held(clinic_admin, records):
    result_pk = records["result"].pk
    services.delete_result(clinic_admin, records["result"])
    change = EvidenceChange.objects.latest("id")
    assert (change.object_id, change.object_label) == (result_pk, "r1")
    held = {item["name"]: item["before"] for item in change.fields}
    assert held["construct"] == "fatigue" and held["n"] == 20
    assert held["arm"] == "smith2020: Massage"
    assert all(item["after"] is None for item in change.fields)


def test_deleting_a_study_logs_each_of_its_results_and_arms_and_then_the_study(
    clinic_admin, records
):
    before = EvidenceChange.objects.count()
    services.delete_study(clinic_admin, records["study"])
    logged = list(
        EvidenceChange.objects.filter(pk__gt=0).order_by("id").values_list("kind", "action")
    )[before:]
    assert logged == [("result", "delete"), ("arm", "delete"), ("arm", "delete"),
                      ("arm", "delete"), ("study", "delete")]  # fmt: skip
    assert not Arm.objects.filter(study_id=records["study"].pk).exists()
    assert not Result.objects.exists()


def test_an_edit_that_is_refused_writes_no_change(clinic_admin, records):
    before = EvidenceChange.objects.count()
    with pytest.raises(services.ValidationError):
        services.update_reference(clinic_admin, records["reference"], doi="not a doi")
    with pytest.raises(services.ValidationError):
        services.delete_reference(clinic_admin, records["reference"])  # a study rests on it
    assert EvidenceChange.objects.count() == before


def test_an_update_that_changes_nothing_writes_no_change(clinic_admin, records):
    before = EvidenceChange.objects.count()
    services.update_reference(clinic_admin, records["reference"], title=records["reference"].title)
    assert EvidenceChange.objects.count() == before


def test_a_therapist_who_may_not_edit_writes_no_change(therapist, records):
    before = EvidenceChange.objects.count()
    with pytest.raises(services.PermissionDenied):
        services.update_study(therapist, records["study"], design="Other")
    assert EvidenceChange.objects.count() == before


def test_the_editor_is_kept_as_a_role_and_a_clinic_name(clinic_admin, evidence_editor, superuser,
                                                       records):  # fmt: skip
    for actor, title in ((clinic_admin, "one"), (evidence_editor, "two"), (superuser, "three")):
        services.update_reference(actor, records["reference"], title=title)
    texts = [c.editor_text for c in EvidenceChange.objects.order_by("-id")[:3]]
    assert texts == ["site administrator", "evidence editor", "clinic admin, Harbour Street Clinic"]


def test_an_import_writes_one_change_for_each_reference_it_adds(clinic_admin, db):
    text = (
        "@article{doe2021, title={One}, author={Doe, Jane}, year={2021}}\n"
        "@article{roe2022, title={Two}, author={Roe, Rick}, year={2022}}\n"
    )
    services.import_reference_file(clinic_admin, text, "bibtex")
    labels = sorted(EvidenceChange.objects.values_list("object_label", flat=True))
    assert labels == ["doe2021", "roe2022"]


def test_a_change_row_cannot_be_changed_or_deleted(clinic_admin, records):
    services.update_study(clinic_admin, records["study"], design="Crossover trial")
    change = EvidenceChange.objects.latest("id")
    change.object_label = "something else"
    with pytest.raises(ChangeLogImmutableError):
        change.save()
    with pytest.raises(ChangeLogImmutableError):
        change.delete()
    with pytest.raises(ChangeLogImmutableError):
        EvidenceChange.objects.filter(pk=change.pk).update(object_label="x")
    with pytest.raises(ChangeLogImmutableError):
        EvidenceChange.objects.all().delete()
    assert EvidenceChange.objects.get(pk=change.pk).object_label == "smith2020"
