"""/evidence/review/: the evidence editors' queue of proposed changes."""

import pytest
from django.urls import reverse

from msrelief.evidence import services
from msrelief.evidence.tests.edits import make_records

QUEUE = reverse("evidence-review")
pytestmark = pytest.mark.usefixtures("review_on")


@pytest.fixture
def proposal(evidence_editor, clinic_admin):
    records = make_records(evidence_editor)
    return services.update_study(clinic_admin, records["study"], design="Crossover trial")


def test_an_evidence_editor_sees_each_pending_proposal_with_its_proposer_and_values(
    client, evidence_editor, proposal
):
    client.force_login(evidence_editor)
    body = client.get(QUEUE).content.decode()
    assert f"Proposal #{proposal.pk}" in body
    assert "Alex Admin (alex@harbour.test, clinic admin, Harbour Street Clinic)" in body
    assert "Crossover trial" in body and "Approve and apply" in body


@pytest.mark.parametrize("persona", ["clinic_admin", "therapist", "outsider", "person_with_ms"])
def test_people_who_are_not_evidence_editors_are_refused(client, request, proposal, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 403


def test_a_visitor_is_sent_to_sign_in(client, proposal):
    response = client.get(QUEUE)
    assert response.status_code == 302 and reverse("accounts-login") in response["Location"]


def test_a_decided_proposal_leaves_the_queue(client, evidence_editor, proposal):
    from msrelief.evidence import review

    review.reject_proposal(evidence_editor, proposal, "Not in the paper.")
    client.force_login(evidence_editor)
    body = client.get(QUEUE).content.decode()
    assert f"Proposal #{proposal.pk}" not in body and "No proposals are waiting." in body
