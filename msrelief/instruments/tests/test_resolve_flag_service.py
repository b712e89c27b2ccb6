import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO


@pytest.fixture
def flag(ms_client, therapist):
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 2})
    return response.safety_flags.get()


def test_a_flag_moves_from_new_to_acknowledged_to_resolved_with_who_and_when(
    flag, therapist, colleague
):
    assert flag.state == "new"
    services.acknowledge_flag(therapist, flag, "Phoned the client")
    flag.refresh_from_db()
    assert flag.state == "acknowledged"
    services.resolve_flag(colleague, flag, "Seen with her GP; safety plan in place")
    flag.refresh_from_db()
    assert flag.state == "resolved"
    assert (flag.resolved_by, flag.resolution_note) == (
        colleague,
        "Seen with her GP; safety plan in place",
    )
    assert flag.resolved_at is not None
    assert AuditEvent.objects.filter(event="safety_flag.resolved", actor=colleague).exists()


def test_a_new_flag_cannot_be_resolved_before_someone_records_what_they_did(flag, therapist):
    with pytest.raises(ValidationError, match="before resolving"):
        services.resolve_flag(therapist, flag, "Sorted")
    flag.refresh_from_db()
    assert flag.resolved_at is None


def test_resolving_needs_a_note_and_happens_once(flag, therapist):
    services.acknowledge_flag(therapist, flag, "Phoned")
    with pytest.raises(ValidationError) as error:
        services.resolve_flag(therapist, flag, "  ")
    assert "note" in error.value.message_dict
    services.resolve_flag(therapist, flag, "Done")
    with pytest.raises(ValidationError, match="already been resolved"):
        services.resolve_flag(therapist, flag, "Again")


def test_staff_of_another_clinic_cannot_resolve_a_flag(flag, therapist, outsider):
    services.acknowledge_flag(therapist, flag, "Phoned")
    with pytest.raises(Http404):
        services.resolve_flag(outsider, flag, "Not mine")
    flag.refresh_from_db()
    assert flag.resolved_at is None
