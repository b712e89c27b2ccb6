import pytest
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.evidence.models import Study

ADD = reverse("evidence-study-add")


def form(reference, **overrides):
    data = {
        "key": "green2022",
        "reference": str(reference.pk),
        "kind": "trial",
        "design": "Randomised controlled trial",
        "n_randomised": "40",
        "time_points": "baseline\nafter 6 weeks",
        "verification_status": "abstract_only",
    }
    data.update(overrides)
    return data


def test_a_clinic_admin_adds_a_study(client, clinic_admin, reference):
    client.force_login(clinic_admin)
    response = client.post(ADD, form(reference))
    assert response.status_code == 302
    study = Study.objects.get()
    assert study.time_points == ["baseline", "after 6 weeks"]
    assert study.n_analysed is None
    assert AuditEvent.objects.filter(action="create", object_type="evidence.study").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("n_randomised", "0", "Must be 1 or more"), ("age_sd", "-1", "greater than 0")],
)
def test_bad_numbers_are_named_and_nothing_is_saved(client, clinic_admin, reference, field, value,
                                                    message):  # fmt: skip
    client.force_login(clinic_admin)
    response = client.post(ADD, form(reference, **{field: value}))
    assert response.status_code == 400
    assert f'href="#id_{field}"' in response.text and message in response.text
    assert not Study.objects.exists()


@pytest.mark.parametrize("persona", ["therapist", "outsider"])
def test_non_admins_get_403(client, request, persona, reference):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(ADD, form(reference)).status_code == 403
    assert not Study.objects.exists()


def test_an_edit_is_saved_and_audited(client, clinic_admin, study, reference):
    client.force_login(clinic_admin)
    url = reverse("evidence-study-edit", args=[study.key])
    response = client.post(url, form(reference, key=study.key, country="Iran"))
    assert response.status_code == 302
    assert Study.objects.get().country == "Iran"
    assert "country" in AuditEvent.objects.get(action="update").changes["fields"]


def test_a_bad_edit_keeps_the_study(client, clinic_admin, study, reference):
    client.force_login(clinic_admin)
    url = reverse("evidence-study-edit", args=[study.key])
    data = form(reference, key=study.key, n_randomised="10", n_analysed="20", country="Iran")
    assert client.post(url, data).status_code == 400
    assert Study.objects.get().country == ""


def test_opening_delete_asks_are_you_sure_and_deletes_nothing(client, clinic_admin, study):
    client.force_login(clinic_admin)
    page = client.get(reverse("evidence-study-delete", args=[study.key])).text
    assert "Are you sure you want to delete this?" in page
    assert f"The study {study.key}, with its groups and results will be deleted." in page
    assert "Yes, delete it</button>" in page and "No, keep it</a>" in page
    assert Study.objects.exists()


def test_deleting_a_study(client, clinic_admin, study):
    client.force_login(clinic_admin)
    assert client.post(reverse("evidence-study-delete", args=[study.key])).status_code == 302
    assert not Study.objects.exists()


def test_a_therapist_cannot_delete_a_study(client, therapist, study):
    client.force_login(therapist)
    assert client.post(reverse("evidence-study-delete", args=[study.key])).status_code == 403
    assert Study.objects.exists()
