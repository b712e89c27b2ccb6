import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.evidence import services
from msrelief.evidence.models import Claim, Topic
from msrelief.evidence.tests.conftest import make_reference


@pytest.fixture
def topic(db):
    return Topic.objects.create(slug="massage-benefits", order=4, title="Benefits of massage")


def add(actor, topic, references, **fields):
    data = {"key": "C21", "topic": topic, "statement": "Massage eased fatigue in one trial."}
    data.update(fields)
    return services.create_claim(actor, references=references, **data)


def test_a_claim_is_added_with_its_references_and_audited(clinic_admin, topic, reference):
    claim = add(clinic_admin, topic, [reference])
    assert list(claim.references.all()) == [reference]
    assert claim.verification_status == "unverified"
    assert "references" in AuditEvent.objects.get(object_type="evidence.claim").changes["fields"]


def test_a_claim_needs_a_reference(clinic_admin, topic):
    with pytest.raises(ValidationError) as error:
        add(clinic_admin, topic, [])
    assert "references" in error.value.message_dict
    assert not Claim.objects.exists()


def test_a_therapist_cannot_add_a_claim(therapist, topic, reference):
    with pytest.raises(PermissionDenied):
        add(therapist, topic, [reference])


def test_changing_the_references_is_audited(clinic_admin, topic, reference):
    claim = add(clinic_admin, topic, [reference])
    other = make_reference(clinic_admin, key="other2021")
    services.update_claim(clinic_admin, claim, references=[reference, other])
    event = AuditEvent.objects.get(action="update")
    assert event.changes == {"fields": ["references"]}
    assert claim.references.count() == 2


def test_a_bad_status_is_refused(clinic_admin, topic, reference):
    claim = add(clinic_admin, topic, [reference])
    with pytest.raises(ValidationError):
        services.update_claim(clinic_admin, claim, verification_status="probably")
    assert Claim.objects.get().verification_status == "unverified"
