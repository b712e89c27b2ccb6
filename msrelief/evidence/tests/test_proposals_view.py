"""/evidence/proposals/: a clinic admin sees the state of the changes they proposed."""

import pytest
from django.urls import reverse

from msrelief.evidence import review, services
from msrelief.evidence.tests.edits import make_records
from msrelief.testing import make_user

MINE = reverse("evidence-proposals")
pytestmark = pytest.mark.usefixtures("review_on")


@pytest.fixture
def records(evidence_editor):
    return make_records(evidence_editor)


def test_the_proposer_sees_each_proposal_with_its_state_and_a_rejections_reason(
    client, clinic_admin, evidence_editor, records
):
    waiting = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    turned_down = services.update_arm(clinic_admin, records["arm"], weeks=8.0)
    review.reject_proposal(evidence_editor, turned_down, "The paper says six weeks.")
    client.force_login(clinic_admin)
    body = client.get(MINE).content.decode()
    assert f"Proposal #{waiting.pk}: Awaiting review" in body
    assert f"Proposal #{turned_down.pk}: Rejected" in body
    assert "The paper says six weeks." in body


def test_another_clinic_admin_does_not_see_them(client, clinic_admin, other_clinic, records):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    other_admin = make_user("ola@hillside.test", other_clinic, "clinic_admin")
    client.force_login(other_admin)
    body = client.get(MINE).content.decode()
    assert f"Proposal #{proposal.pk}" not in body and "You have made no proposals." in body


def test_an_edit_page_says_the_change_goes_to_review_and_saving_leads_here(
    client, clinic_admin, records
):
    client.force_login(clinic_admin)
    edit = reverse("evidence-arm-edit", args=[records["arm"].pk])
    assert "this change is sent to an evidence editor" in client.get(edit).content.decode()
    data = {"name": "massage", "kind": "intervention", "label": "Swedish massage",
            "verification_status": "unverified"}  # fmt: skip
    response = client.post(edit, data, follow=True)
    assert response.redirect_chain[-1][0] == MINE
    assert "Your change was sent for review" in response.content.decode()
    assert records["arm"].__class__.objects.get(pk=records["arm"].pk).label == "Massage"


def test_a_therapist_is_refused(client, therapist):
    client.force_login(therapist)
    assert client.get(MINE).status_code == 403
