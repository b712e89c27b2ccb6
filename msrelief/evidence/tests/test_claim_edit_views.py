import pytest
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.evidence.models import Claim, Topic

ADD = reverse("evidence-claim-add")


@pytest.fixture
def topic(db):
    return Topic.objects.create(slug="massage-benefits", order=4, title="Benefits of massage")


def form(topic, reference, **overrides):
    data = {
        "key": "C21",
        "topic": str(topic.pk),
        "statement": "In one small trial, massage eased fatigue.",
        "references": [str(reference.pk)],
        "verification_status": "abstract_only",
        "note": "",
    }
    data.update(overrides)
    return data


def test_a_clinic_admin_adds_a_claim_with_its_references(client, clinic_admin, topic, reference):
    client.force_login(clinic_admin)
    response = client.post(ADD, form(topic, reference))
    assert response.status_code == 302 and response["Location"].endswith("#claim-C21")
    assert list(Claim.objects.get().references.all()) == [reference]


def test_the_reference_boxes_are_a_labelled_fieldset(client, clinic_admin, topic, reference):
    client.force_login(clinic_admin)
    text = client.get(ADD).text
    assert '<fieldset class="fieldset" id="id_references"' in text
    assert "smith2020: Massage and fatigue in multiple sclerosis" in text


def test_a_claim_without_references_is_refused_and_nothing_saved(
    client, clinic_admin, topic, reference
):
    client.force_login(clinic_admin)
    response = client.post(ADD, form(topic, reference, references=[]))
    assert response.status_code == 400
    assert 'href="#id_references"' in response.text
    assert "Choose at least one reference." in response.text
    assert not Claim.objects.exists()


@pytest.mark.parametrize("persona", ["therapist", "outsider"])
def test_non_admins_get_403(client, request, persona, topic, reference):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(ADD, form(topic, reference)).status_code == 403
    assert not Claim.objects.exists()


def test_editing_and_deleting_a_claim(client, clinic_admin, topic, reference):
    client.force_login(clinic_admin)
    client.post(ADD, form(topic, reference))
    edit = reverse("evidence-claim-edit", args=["C21"])
    assert (
        client.post(edit, form(topic, reference, verification_status="unverified")).status_code
        == 302
    )
    assert Claim.objects.get().verification_status == "unverified"
    assert AuditEvent.objects.get(action="update").changes == {"fields": ["verification_status"]}
    assert client.post(reverse("evidence-claim-delete", args=["C21"])).status_code == 302
    assert not Claim.objects.exists()


def test_a_bad_edit_keeps_the_claim(client, clinic_admin, topic, reference):
    client.force_login(clinic_admin)
    client.post(ADD, form(topic, reference))
    edit = reverse("evidence-claim-edit", args=["C21"])
    assert client.post(edit, form(topic, reference, statement="")).status_code == 400
    assert Claim.objects.get().statement.startswith("In one small trial")


@pytest.mark.parametrize(
    "overrides",
    [{"references": ["99999999999999999999"]}, {"topic": "99999999999999999999"}],
    ids=["references", "topic"],
)
def test_an_id_too_large_for_the_database_is_a_field_error(
    client, clinic_admin, topic, reference, overrides
):
    client.force_login(clinic_admin)
    data = {**form(topic, reference), **overrides}
    response = client.post(ADD, data)
    assert response.status_code == 400
    assert set(overrides) <= set(response.context["form"].errors)
    assert not Claim.objects.exists()
