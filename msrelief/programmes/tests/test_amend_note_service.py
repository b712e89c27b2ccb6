import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.models import SessionNote
from msrelief.programmes.tests.factories import clear_to_go_ahead

NOTE = {"subjective": "Calves tight.", "body_regions": ["lower_leg_left"], "minutes": 45}


@pytest.fixture
def signed(session, therapist):
    clear_to_go_ahead(therapist, session)
    return services.save_note(therapist, session, NOTE, sign=True)


def test_an_amendment_is_a_new_signed_version_that_names_the_one_it_replaces(signed, colleague):
    amended = services.amend_note(
        colleague, signed, {**NOTE, "body_regions": ["lower_leg_right"]}, "Wrong leg recorded."
    )
    assert amended.version == 2 and amended.supersedes == signed
    assert amended.signed_by == colleague and amended.amendment_reason == "Wrong leg recorded."
    signed.refresh_from_db()
    assert signed.body_regions == ["lower_leg_left"] and not signed.is_current
    assert services.current_note(signed.session) == amended
    event = AuditEvent.objects.get(event="session_note.amended")
    assert event.changes == {"supersedes": signed.pk, "fields": ["body_regions"]}


def test_an_amendment_needs_a_reason(signed, therapist):
    with pytest.raises(ValidationError) as error:
        services.amend_note(therapist, signed, NOTE, "  ")
    assert "reason" in error.value.message_dict
    assert SessionNote.objects.count() == 1


def test_only_the_latest_signed_version_can_be_amended(signed, session, therapist):
    services.amend_note(therapist, signed, NOTE, "First fix.")
    with pytest.raises(ValidationError, match="latest version"):
        services.amend_note(therapist, signed, NOTE, "Second fix of the old one.")


def test_a_draft_is_not_amended_but_changed(session, therapist):
    draft = services.save_note(therapist, session, NOTE)
    with pytest.raises(ValidationError, match="draft"):
        services.amend_note(therapist, draft, NOTE, "Why not.")


def test_an_outsider_gets_404(signed, outsider):
    with pytest.raises(Http404):
        services.amend_note(outsider, signed, NOTE, "Outside.")
