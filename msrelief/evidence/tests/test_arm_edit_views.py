import pytest
from django.urls import reverse

from msrelief.evidence.models import Arm
from msrelief.evidence.tests.conftest import make_arms


def form(**overrides):
    data = {
        "name": "massage",
        "kind": "intervention",
        "label": "Swedish massage",
        "minutes_per_session": "50",
        "sessions_per_week": "2",
        "weeks": "6",
        "verification_status": "abstract_only",
    }
    data.update(overrides)
    return data


def test_a_clinic_admin_adds_a_group_to_a_study(client, clinic_admin, study):
    client.force_login(clinic_admin)
    response = client.post(reverse("evidence-arm-add", args=[study.key]), form())
    assert response.status_code == 302
    arm = Arm.objects.get()
    assert (arm.study, arm.minutes_per_session, arm.delivered_by) == (study, 50, "")
    assert arm.n_randomised is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("weeks", "0", "greater than 0"), ("n_randomised", "0", "Must be 1 or more")],
)
def test_bad_numbers_are_refused_and_nothing_saved(client, clinic_admin, study, field, value,
                                                   message):  # fmt: skip
    client.force_login(clinic_admin)
    response = client.post(reverse("evidence-arm-add", args=[study.key]), form(**{field: value}))
    assert response.status_code == 400 and message in response.text
    assert not Arm.objects.exists()


def test_a_second_group_with_the_same_name_is_refused(client, clinic_admin, study):
    make_arms(clinic_admin, study)
    client.force_login(clinic_admin)
    response = client.post(reverse("evidence-arm-add", args=[study.key]), form())
    assert response.status_code == 400
    assert "already has an arm with this short name" in response.text


@pytest.mark.parametrize("persona", ["therapist", "outsider"])
def test_non_admins_get_403(client, request, persona, clinic_admin, study):
    treated, _ = make_arms(clinic_admin, study)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(reverse("evidence-arm-add", args=[study.key]), form()).status_code == 403
    assert client.post(reverse("evidence-arm-edit", args=[treated.pk]), form()).status_code == 403
    assert client.post(reverse("evidence-arm-delete", args=[treated.pk])).status_code == 403
    assert Arm.objects.count() == 2


def test_editing_and_deleting_a_group(client, clinic_admin, study):
    treated, _ = make_arms(clinic_admin, study)
    client.force_login(clinic_admin)
    edit = reverse("evidence-arm-edit", args=[treated.pk])
    assert client.post(edit, form(delivered_by="Registered massage therapists")).status_code == 302
    assert Arm.objects.get(pk=treated.pk).delivered_by == "Registered massage therapists"
    assert client.post(reverse("evidence-arm-delete", args=[treated.pk])).status_code == 302
    assert Arm.objects.count() == 1


def test_an_unknown_group_is_404(client, clinic_admin):
    client.force_login(clinic_admin)
    assert client.get(reverse("evidence-arm-edit", args=[999])).status_code == 404
