import pytest
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.evidence.models import Reference

ADD = reverse("evidence-reference-add")


def form(**overrides):
    data = {
        "key": "green2022",
        "csl_type": "article-journal",
        "authors_text": "Green, L.\nWhite, P.\net al.",
        "title": "Massage in MS",
        "container_title": "Example Journal",
        "year": "2022",
        "doi": "https://doi.org/10.1000/xyz.1",
    }
    data.update(overrides)
    return data


def test_a_clinic_admin_adds_a_reference(client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.post(ADD, form())
    assert response.status_code == 302
    reference = Reference.objects.get(key="green2022")
    assert reference.doi == "10.1000/xyz.1"
    assert reference.authors == [
        {"family": "Green", "given": "L."},
        {"family": "White", "given": "P."},
        {"literal": "others"},
    ]
    assert AuditEvent.objects.get(action="create").clinic == clinic_admin.clinic


def test_an_evidence_editor_without_a_clinic_adds_a_reference(client, evidence_editor):
    client.force_login(evidence_editor)
    assert client.get(ADD).status_code == 200
    assert client.post(ADD, form()).status_code == 302
    assert Reference.objects.filter(key="green2022").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("doi", "10.1000", "Enter a DOI"),
        ("year", "1200", "The year must be 1600 or more."),
        ("title", "", "Enter the title."),
        ("authors_text", ", Jo", "needs a family name"),
    ],
)
def test_bad_input_is_named_in_the_error_summary_and_nothing_is_saved(
    client, clinic_admin, field, value, message
):
    client.force_login(clinic_admin)
    response = client.post(ADD, form(**{field: value}))
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert f'href="#id_{field}"' in response.text and message in response.text
    assert not Reference.objects.exists()


@pytest.mark.parametrize("persona", ["therapist", "outsider", "person_with_ms"])
def test_people_who_are_not_clinic_admins_get_403(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, form()).status_code == 403
    assert not Reference.objects.exists()


def test_a_visitor_is_sent_to_log_in(client, db):
    response = client.post(ADD, form())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_editing_shows_the_authors_one_a_line_and_saves_a_change(client, clinic_admin, reference):
    client.force_login(clinic_admin)
    url = reverse("evidence-reference-edit", args=[reference.key])
    assert "Smith, J.\nJones, K.</textarea>" in client.get(url).text
    data = form(key="smith2020", authors_text="Smith, J.\nJones, K.", year="2020",
                title="Changed", doi="10.1234/example.2020.1")  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert Reference.objects.get().title == "Changed"
    assert AuditEvent.objects.get(action="update").changes["fields"] == [
        "container_title", "title"
    ]  # fmt: skip


def test_a_bad_edit_keeps_the_stored_reference(client, clinic_admin, reference):
    client.force_login(clinic_admin)
    url = reverse("evidence-reference-edit", args=[reference.key])
    response = client.post(url, form(key="smith2020", doi="nope", title="Changed"))
    assert response.status_code == 400
    assert Reference.objects.get().title == "Massage and fatigue in multiple sclerosis"


def test_a_therapist_cannot_edit_or_delete(client, therapist, reference):
    client.force_login(therapist)
    edit = reverse("evidence-reference-edit", args=[reference.key])
    delete = reverse("evidence-reference-delete", args=[reference.key])
    assert client.post(edit, form()).status_code == 403
    assert client.post(delete).status_code == 403
    assert Reference.objects.exists()


def test_deleting_asks_first_then_deletes(client, clinic_admin, reference):
    client.force_login(clinic_admin)
    url = reverse("evidence-reference-delete", args=[reference.key])
    assert "cannot be undone" in client.get(url).text
    assert client.post(url).status_code == 302
    assert not Reference.objects.exists()


def test_a_reference_that_a_study_uses_is_not_deleted(client, clinic_admin, study):
    client.force_login(clinic_admin)
    response = client.post(reverse("evidence-reference-delete", args=[study.reference.key]),
                           follow=True)  # fmt: skip
    assert "reference of a study" in response.text
    assert Reference.objects.exists()


def test_an_unknown_reference_is_404(client, clinic_admin):
    client.force_login(clinic_admin)
    assert client.get(reverse("evidence-reference-edit", args=["nope"])).status_code == 404
