import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.tests.factories import enrol
from msrelief.programmes.tests.test_create_template_service import POINTS, PROTOCOL


@pytest.fixture
def ours(therapist):
    return services.create_template(therapist, POINTS, **PROTOCOL)


def test_a_new_version_is_a_new_row_and_the_old_one_stays_as_it_was(ours, colleague):
    changed = {**PROTOCOL, "weeks": 6}
    v2 = services.new_version(colleague, ours, POINTS, "Six weeks, as the trial", **changed)
    assert (v2.key, v2.version, v2.weeks, v2.based_on) == (ours.key, 2, 6, ours)
    ours.refresh_from_db()
    assert ours.weeks == 4
    assert AuditEvent.objects.get(event="programme_template.versioned").actor == colleague


def test_an_enrolment_keeps_the_version_it_was_planned_from(ours, therapist, ms_client):
    enrolment = enrol(therapist, ms_client, ours, weekdays=[1, 4])
    services.new_version(therapist, ours, POINTS, "Longer", **{**PROTOCOL, "weeks": 8})
    enrolment.refresh_from_db()
    assert enrolment.template == ours and enrolment.sessions.count() == 8


def test_a_version_needs_a_note_and_must_follow_the_latest(ours, therapist):
    with pytest.raises(ValidationError) as error:
        services.new_version(therapist, ours, POINTS, "", **PROTOCOL)
    assert "change_note" in error.value.message_dict
    services.new_version(therapist, ours, POINTS, "Second", **PROTOCOL)
    with pytest.raises(ValidationError, match="Version 2 exists"):
        services.new_version(therapist, ours, POINTS, "From the old one", **PROTOCOL)


def test_a_trials_template_is_not_versioned_but_copied(template, therapist):
    with pytest.raises(ValidationError, match="make your clinic's own"):
        services.new_version(therapist, template, POINTS, "Mine now", **PROTOCOL)


def test_another_clinics_template_is_a_404(ours, outsider):
    with pytest.raises(Http404):
        services.new_version(outsider, ours, POINTS, "Theirs", **PROTOCOL)
