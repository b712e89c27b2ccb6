"""POST /evidence/review/N/approve/: an evidence editor applies a proposed change."""

import pytest
from django.urls import reverse

from msrelief.evidence import services
from msrelief.evidence.models import Study
from msrelief.evidence.tests.edits import make_records

pytestmark = pytest.mark.usefixtures("review_on")


@pytest.fixture
def records(evidence_editor):
    return make_records(evidence_editor)


def approve(proposal):
    return reverse("evidence-review-approve", args=[proposal.pk])


def test_approving_applies_the_change_and_goes_back_to_the_queue(
    client, evidence_editor, clinic_admin, records
):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    client.force_login(evidence_editor)
    response = client.post(approve(proposal))
    assert response.status_code == 302 and response["Location"] == reverse("evidence-review")
    assert Study.objects.get(pk=records["study"].pk).design == "Crossover trial"


def test_approving_a_proposal_whose_record_changed_since_is_a_400_that_says_so(
    client, evidence_editor, clinic_admin, records
):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    services.update_study(evidence_editor, records["study"], country="Iran")
    client.force_login(evidence_editor)
    response = client.post(approve(proposal))
    assert response.status_code == 400
    assert "smith2020 was changed after this change was proposed" in response.content.decode()
    assert Study.objects.get(pk=records["study"].pk).design == ""


def test_a_get_is_not_allowed(client, evidence_editor, clinic_admin, records):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    client.force_login(evidence_editor)
    assert client.get(approve(proposal)).status_code == 405


def test_a_clinic_admin_cannot_approve_their_own_proposal(client, clinic_admin, records):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    client.force_login(clinic_admin)
    assert client.post(approve(proposal)).status_code == 403
    assert Study.objects.get(pk=records["study"].pk).design == ""


def test_an_unknown_proposal_is_a_404(client, evidence_editor):
    client.force_login(evidence_editor)
    assert client.post(reverse("evidence-review-approve", args=[999])).status_code == 404
