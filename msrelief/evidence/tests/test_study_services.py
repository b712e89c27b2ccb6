import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.evidence import services
from msrelief.evidence.models import Arm, Result, Study
from msrelief.evidence.tests.conftest import make_arms, make_study


def add_result(actor, study, **fields):
    data = {"key": "r1", "scope": "between_arms", "construct": "fatigue"}
    data.update(fields)
    return services.create_result(actor, study, **data)


def test_a_study_with_arms_and_a_result_is_added_and_each_write_audited(clinic_admin, study):
    treated, control = make_arms(clinic_admin, study)
    add_result(clinic_admin, study, arm=treated, versus_arm=control, effect_type="hedges_g",
               effect_value=0.5, ci_low=0.1, ci_high=0.9)  # fmt: skip
    types = list(AuditEvent.objects.order_by("id").values_list("object_type", flat=True))
    assert types == ["evidence.reference", "evidence.study", "evidence.arm", "evidence.arm",
                     "evidence.result"]  # fmt: skip


def test_a_therapist_cannot_add_a_study(therapist, reference):
    with pytest.raises(PermissionDenied):
        make_study(therapist, reference)
    assert not Study.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"n": 0}, "n", "Must be 1 or more"),
        ({"sd": 0}, "sd", "greater than 0"),
        ({"sd": -2}, "sd", "greater than 0"),
        ({"ci_low": 2, "ci_high": 1}, "ci_low", "cannot be above"),
        ({"p_value": 1.5, "p_operator": "="}, "p_value", "between 0 and 1"),
        ({"p_value": 0.04}, "p_operator", "Say whether"),
        ({"effect_value": 3, "ci_low": 0, "ci_high": 1}, "effect_value", "inside its CI"),
        ({"scope": "arm"}, "arm", "Choose the group"),
    ],
)
def test_bad_result_values_are_named_and_nothing_is_saved(clinic_admin, study, fields, field,
                                                          message):  # fmt: skip
    with pytest.raises(ValidationError) as error:
        add_result(clinic_admin, study, **fields)
    assert message in " ".join(error.value.message_dict[field])
    assert not Result.objects.exists()


def test_a_result_cannot_use_an_arm_of_another_study(clinic_admin, study, reference):
    other = make_study(clinic_admin, reference, key="other")
    foreign, _ = make_arms(clinic_admin, other)
    with pytest.raises(ValidationError) as error:
        add_result(clinic_admin, study, scope="arm", arm=foreign)
    assert "Choose an arm of this study." in error.value.message_dict["arm"]


def test_an_arm_name_is_unique_within_its_study(clinic_admin, study):
    make_arms(clinic_admin, study)
    with pytest.raises(ValidationError, match="already has an arm"):
        services.create_arm(clinic_admin, study, name="massage", kind="intervention", label="X")


def test_bad_study_numbers_are_refused(clinic_admin, reference):
    with pytest.raises(ValidationError) as error:
        make_study(clinic_admin, reference, n_randomised=20, n_analysed=30)
    assert "n_analysed" in error.value.message_dict


def test_an_arm_with_results_cannot_be_deleted(clinic_admin, study):
    treated, _ = make_arms(clinic_admin, study)
    add_result(clinic_admin, study, scope="arm", arm=treated)
    with pytest.raises(ValidationError, match="Results refer"):
        services.delete_arm(clinic_admin, treated)
    assert Arm.objects.count() == 2


def test_deleting_a_study_deletes_and_audits_its_arms_and_results(clinic_admin, study):
    treated, _ = make_arms(clinic_admin, study)
    add_result(clinic_admin, study, scope="arm", arm=treated)
    services.delete_study(clinic_admin, study)
    assert not Study.objects.exists() and not Arm.objects.exists()
    deleted = AuditEvent.objects.filter(action="delete").values_list("object_type", flat=True)
    assert sorted(deleted) == ["evidence.arm", "evidence.arm", "evidence.result", "evidence.study"]


def test_an_update_audits_the_changed_fields(clinic_admin, study):
    result = add_result(clinic_admin, study)
    services.update_result(clinic_admin, result, mean=4.5, sd=1.2)
    assert AuditEvent.objects.get(action="update").changes == {"fields": ["mean", "sd"]}
