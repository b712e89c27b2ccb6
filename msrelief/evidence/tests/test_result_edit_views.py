import pytest
from django.urls import reverse

from msrelief.evidence.models import Result
from msrelief.evidence.tests.conftest import make_arms, make_reference, make_study


def form(treated, control, **overrides):
    data = {
        "key": "smith2020-fatigue",
        "scope": "between_arms",
        "arm": str(treated.pk),
        "versus_arm": str(control.pk),
        "construct": "fatigue",
        "time_point": "after 6 weeks",
        "effect_type": "hedges_g",
        "effect_value": "0.5",
        "ci_low": "0.1",
        "ci_high": "0.9",
        "p_operator": "<",
        "p_value": "0.01",
        "verification_status": "abstract_only",
        "attribution_confirmed": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def arms(clinic_admin, study):
    return make_arms(clinic_admin, study)


def test_a_clinic_admin_adds_a_result(client, clinic_admin, study, arms):
    client.force_login(clinic_admin)
    response = client.post(reverse("evidence-result-add", args=[study.key]), form(*arms))
    assert response.status_code == 302
    result = Result.objects.get()
    assert (result.effect_value, result.mean, result.sd) == (0.5, None, None)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"sd": "0"}, "sd", "greater than 0"),
        ({"n": "0"}, "n", "Must be 1 or more"),
        ({"ci_low": "1", "ci_high": "0.2"}, "ci_low", "cannot be above"),
        ({"p_value": "2"}, "p_value", "between 0 and 1"),
        ({"instrument_code": "stai"}, "instrument_code", "not an instrument msrelief ships"),
        ({"instrument_code": "fss", "score_name": "anxiety"}, "score_name", "its scores are"),
        ({"score_name": "total"}, "score_name", "Choose the matching instrument first"),
        ({"time_point_weeks": "-1"}, "time_point_weeks", "Must be 0 or more"),
    ],
)
def test_bad_values_are_named_and_nothing_saved(client, clinic_admin, study, arms, overrides,
                                                field, message):  # fmt: skip
    client.force_login(clinic_admin)
    url = reverse("evidence-result-add", args=[study.key])
    response = client.post(url, form(*arms, **overrides))
    assert response.status_code == 400
    assert f'href="#id_{field}"' in response.text and message in response.text
    assert not Result.objects.exists()


def test_a_result_is_matched_to_an_instrument_score_and_week(client, clinic_admin, study, arms):
    client.force_login(clinic_admin)
    url = reverse("evidence-result-add", args=[study.key])
    page = client.get(url).text
    assert '<option value="dass21">dass21: Depression Anxiety Stress Scales' in page
    fields = {"instrument_code": "dass21", "score_name": "anxiety", "time_point_weeks": "6"}
    assert client.post(url, form(*arms, **fields)).status_code == 302
    result = Result.objects.get()
    assert (result.instrument_code, result.score_name, result.time_point_weeks) == (
        "dass21",
        "anxiety",
        6.0,
    )


def test_only_this_studys_groups_can_be_chosen(client, clinic_admin, study, arms):
    other = make_study(clinic_admin, make_reference(clinic_admin, key="o2021"), key="o2021")
    foreign, _ = make_arms(clinic_admin, other)
    client.force_login(clinic_admin)
    url = reverse("evidence-result-add", args=[study.key])
    response = client.post(url, form(arms[0], foreign))
    assert response.status_code == 400
    assert not Result.objects.exists()


@pytest.mark.parametrize("persona", ["therapist", "outsider"])
def test_non_admins_get_403(client, request, persona, study, arms):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("evidence-result-add", args=[study.key])
    assert client.post(url, form(*arms)).status_code == 403
    assert not Result.objects.exists()


def test_editing_and_deleting_a_result(client, clinic_admin, study, arms):
    client.force_login(clinic_admin)
    client.post(reverse("evidence-result-add", args=[study.key]), form(*arms))
    result = Result.objects.get()
    edit = reverse("evidence-result-edit", args=[result.pk])
    assert client.post(edit, form(*arms, n="40")).status_code == 302
    assert Result.objects.get().n == 40
    assert client.post(edit, form(*arms, sd="-1")).status_code == 400
    assert Result.objects.get().sd is None
    assert client.post(reverse("evidence-result-delete", args=[result.pk])).status_code == 302
    assert not Result.objects.exists()
