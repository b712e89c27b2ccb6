import pytest
from django.core.exceptions import ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO


@pytest.fixture
def flag(ms_client, therapist):
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 2})
    return response.safety_flags.get()


def test_a_colleague_acknowledges_a_flag_with_a_note_and_it_is_audited(flag, colleague):
    services.acknowledge_flag(colleague, flag, "Phoned; GP informed")
    flag.refresh_from_db()
    assert flag.acknowledged_by == colleague
    assert AuditEvent.objects.filter(
        object_type="instruments.safetyflag", action="update", actor=colleague
    ).exists()


def test_acknowledging_needs_a_note_of_what_was_done(flag, therapist):
    with pytest.raises(ValidationError) as error:
        services.acknowledge_flag(therapist, flag, "")
    assert "note" in error.value.message_dict


def test_a_flag_is_acknowledged_once(flag, therapist):
    services.acknowledge_flag(therapist, flag, "Done")
    with pytest.raises(ValidationError):
        services.acknowledge_flag(therapist, flag, "Again")
