"""Review (MSRELIEF_EVIDENCE_REVIEW): a clinic admin's edit is validated, held as a proposal
and applied only when an evidence editor approves it; a rejection needs a reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.evidence import review, services, writes
from msrelief.evidence.change_models import EvidenceChange, EvidenceProposal
from msrelief.evidence.models import Reference, Study
from msrelief.evidence.tests.edits import EDITS, make_records

pytestmark = pytest.mark.usefixtures("review_on")


@pytest.fixture
def records(evidence_editor):
    return make_records(evidence_editor)


def _prints(records):
    return {
        name: writes.fingerprint(type(obj).objects.get(pk=obj.pk))
        for name, obj in records.items()
        if type(obj) in writes.KINDS
    }


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_by_a_clinic_admin_is_held_and_changes_nothing_but_the_log(
    clinic_admin, records, name
):
    edit, applied, kind, action = EDITS[name]
    prints, changes = _prints(records), EvidenceChange.objects.count()
    proposal = edit(clinic_admin, records)
    assert isinstance(proposal, EvidenceProposal) and proposal.status == "pending"
    assert not applied(records)
    assert _prints(records) == prints
    assert EvidenceChange.objects.count() == changes + 1
    change = EvidenceChange.objects.latest("id")
    assert (change.kind, change.action, change.state) == (kind, action, "proposed")
    assert change.proposal == proposal
    event = AuditEvent.objects.latest("id")
    assert event.event == "evidence_proposal.created" and event.clinic == clinic_admin.clinic


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_held_edit_is_applied_when_an_evidence_editor_approves_it(
    clinic_admin, evidence_editor, records, name
):
    edit, applied, kind, action = EDITS[name]
    proposal = edit(clinic_admin, records)
    changes = EvidenceChange.objects.count()
    review.approve_proposal(evidence_editor, proposal)
    assert applied(records)
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.decided_by == evidence_editor
    assert EvidenceChange.objects.count() == changes + 1
    change = EvidenceChange.objects.latest("id")
    assert (change.kind, change.action, change.state) == (kind, action, "applied")
    assert change.proposal == proposal
    assert change.editor_text == "clinic admin, Harbour Street Clinic"
    kinds = list(AuditEvent.objects.order_by("-id").values_list("event", flat=True)[:2])
    assert kinds == ["evidence_proposal.approved", f"{kind}.{action}d"]


def test_a_bad_proposal_is_refused_at_once_naming_the_field(clinic_admin, records):
    with pytest.raises(ValidationError) as error:
        services.update_reference(clinic_admin, records["reference"], doi="not a doi")
    assert "doi" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.create_result(clinic_admin, records["study"], key="r9", scope="arm",
                               construct="sleep", p_value=0.2)  # fmt: skip
    assert {"arm", "p_operator"} <= set(error.value.message_dict)
    assert not EvidenceProposal.objects.exists()


def test_a_deletion_that_would_be_blocked_is_refused_when_proposed(clinic_admin, records):
    with pytest.raises(ValidationError) as error:
        services.delete_reference(clinic_admin, records["reference"])
    assert "smith2020 is the reference of a study" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.delete_arm(clinic_admin, records["arm"])  # a result refers to it
    assert not EvidenceProposal.objects.exists()


def test_evidence_editors_and_superusers_are_never_held(evidence_editor, superuser, records):
    services.update_study(evidence_editor, records["study"], design="One")
    services.update_study(superuser, records["study"], design="Two")
    assert Study.objects.get(pk=records["study"].pk).design == "Two"
    assert not EvidenceProposal.objects.exists()


def test_with_review_off_a_clinic_admins_edit_is_applied_at_once(settings, clinic_admin, records):
    settings.EVIDENCE_REVIEW = False
    services.update_study(clinic_admin, records["study"], design="Crossover trial")
    assert Study.objects.get(pk=records["study"].pk).design == "Crossover trial"
    assert not EvidenceProposal.objects.exists()


def test_approval_is_refused_and_the_proposal_stays_pending_when_the_record_changed_since(
    clinic_admin, evidence_editor, records
):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    services.update_study(evidence_editor, records["study"], country="Iran")
    with pytest.raises(ValidationError) as error:
        review.approve_proposal(evidence_editor, proposal)
    assert "smith2020 was changed after this change was proposed" in error.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    assert Study.objects.get(pk=records["study"].pk).design == ""


def test_approval_is_refused_when_the_record_was_deleted_since(
    clinic_admin, evidence_editor, records
):
    proposal = services.update_result(clinic_admin, records["result"], n=30)
    services.delete_result(evidence_editor, records["result"])
    with pytest.raises(ValidationError) as error:
        review.approve_proposal(evidence_editor, proposal)
    assert "r1 was deleted after this change was proposed" in error.value.messages[0]
    assert EvidenceProposal.objects.get(pk=proposal.pk).status == "pending"


def test_an_addition_whose_key_was_taken_since_is_refused_naming_the_field(
    clinic_admin, evidence_editor, records
):
    proposal = services.create_reference(clinic_admin, key="new2021", title="A new work")
    services.create_reference(evidence_editor, key="new2021", title="Someone else's")
    with pytest.raises(ValidationError) as error:
        review.approve_proposal(evidence_editor, proposal)
    assert "key" in error.value.message_dict
    assert Reference.objects.get(key="new2021").title == "Someone else's"


def test_an_approved_claim_gets_the_references_that_were_proposed(
    clinic_admin, evidence_editor, records
):
    chosen = [records["reference"], records["spare_reference"]]
    proposal = services.update_claim(clinic_admin, records["claim"], references=chosen)
    assert set(records["claim"].references.all()) == {records["reference"]}
    review.approve_proposal(evidence_editor, proposal)
    assert set(records["claim"].references.all()) == set(chosen)


def test_approving_a_study_deletion_removes_its_results_and_arms(
    clinic_admin, evidence_editor, records
):
    proposal = services.delete_study(clinic_admin, records["study"])
    review.approve_proposal(evidence_editor, proposal)
    assert not Study.objects.filter(pk=records["study"].pk).exists()
    assert EvidenceChange.objects.filter(proposal=proposal, state="applied").count() == 5


def test_a_held_study_deletion_is_stale_once_a_result_of_the_study_was_changed_since(
    clinic_admin, evidence_editor, records
):
    proposal = services.delete_study(clinic_admin, records["study"])
    services.update_result(evidence_editor, records["result"], n=31)
    with pytest.raises(ValidationError, match="was changed after this change was proposed"):
        review.approve_proposal(evidence_editor, proposal)
    assert Study.objects.filter(pk=records["study"].pk).exists()
    assert EvidenceProposal.objects.get(pk=proposal.pk).status == "pending"


@pytest.mark.parametrize("persona", ["clinic_admin", "therapist", "outsider"])
def test_only_evidence_editors_may_decide(request, clinic_admin, records, persona):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    who = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        review.approve_proposal(who, proposal)
    with pytest.raises(PermissionDenied):
        review.reject_proposal(who, proposal, "No.")
    assert EvidenceProposal.objects.get(pk=proposal.pk).status == "pending"


def test_a_rejection_needs_a_reason_and_is_logged_and_audited(
    clinic_admin, evidence_editor, records
):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    with pytest.raises(ValidationError) as error:
        review.reject_proposal(evidence_editor, proposal, "   ")
    assert "reason" in error.value.message_dict
    review.reject_proposal(evidence_editor, proposal, "The paper says parallel groups.")
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.reason == "The paper says parallel groups."
    change = EvidenceChange.objects.latest("id")
    assert (change.state, change.proposal) == ("rejected", proposal)
    event = AuditEvent.objects.latest("id")
    assert event.event == "evidence_proposal.rejected" and event.clinic == clinic_admin.clinic
    assert Study.objects.get(pk=records["study"].pk).design == ""


def test_a_decided_proposal_cannot_be_decided_again(clinic_admin, evidence_editor, records):
    proposal = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    review.approve_proposal(evidence_editor, proposal)
    with pytest.raises(ValidationError, match="already decided"):
        review.approve_proposal(evidence_editor, proposal)
    with pytest.raises(ValidationError, match="already decided"):
        review.reject_proposal(evidence_editor, proposal, "Too late.")


def test_an_approved_proposal_shows_at_once_on_the_cached_public_pages(
    client, clinic_admin, evidence_editor, records
):
    study_page = reverse("evidence-study", args=["smith2020"])
    references_page = reverse("evidence-references")
    assert "Crossover trial" not in client.get(study_page).content.decode()
    assert "A changed title" not in client.get(references_page).content.decode()
    held_study = services.update_study(clinic_admin, records["study"], design="Crossover trial")
    held_title = services.update_reference(
        clinic_admin, records["reference"], title="A changed title"
    )
    assert "Crossover trial" not in client.get(study_page).content.decode()
    assert "A changed title" not in client.get(references_page).content.decode()
    review.approve_proposal(evidence_editor, held_study)
    review.approve_proposal(evidence_editor, held_title)
    assert "Crossover trial" in client.get(study_page).content.decode()
    assert "A changed title" in client.get(references_page).content.decode()
