"""POST /evidence/review/N/reject/: an evidence editor turns a proposal down, with a reason."""

import pytest
from django.urls import reverse

from msrelief.evidence import services
from msrelief.evidence.change_models import EvidenceProposal
from msrelief.evidence.tests.edits import make_records

pytestmark = pytest.mark.usefixtures("review_on")


@pytest.fixture
def proposal(evidence_editor, clinic_admin):
    records = make_records(evidence_editor)
    return services.update_study(clinic_admin, records["study"], design="Crossover trial")


def reject(proposal):
    return reverse("evidence-review-reject", args=[proposal.pk])


def test_rejecting_with_a_reason_records_it_and_goes_back_to_the_queue(
    client, evidence_editor, proposal
):
    client.force_login(evidence_editor)
    response = client.post(reject(proposal), {"reason": "The paper says parallel groups."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.reason == "The paper says parallel groups."


def test_rejecting_without_a_reason_is_a_400_that_asks_for_one(client, evidence_editor, proposal):
    client.force_login(evidence_editor)
    response = client.post(reject(proposal), {"reason": "  "})
    assert response.status_code == 400
    assert "Say why the change is rejected." in response.content.decode()
    assert EvidenceProposal.objects.get(pk=proposal.pk).status == "pending"


def test_a_reason_over_the_limit_is_refused_and_kept_in_the_box(client, evidence_editor, proposal):
    client.force_login(evidence_editor)
    response = client.post(reject(proposal), {"reason": "x" * 2001})
    assert response.status_code == 400
    assert "Keep the reason to 2000 characters." in response.content.decode()


def test_a_clinic_admin_cannot_reject(client, clinic_admin, proposal):
    client.force_login(clinic_admin)
    assert client.post(reject(proposal), {"reason": "No."}).status_code == 403
