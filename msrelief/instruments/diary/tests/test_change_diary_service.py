"""services.change_diary: how often the diary is kept and the client's wish for a reminder."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments.diary import services


def test_staff_change_the_frequency_and_the_reminder_wish_and_it_is_audited(plan, colleague):
    changed = services.change_diary(colleague, plan, "weekly", True)
    plan.refresh_from_db()
    assert (
        (plan.frequency, plan.wants_reminder)
        == ("weekly", True)
        == (
            changed.frequency,
            changed.wants_reminder,
        )
    )
    event = AuditEvent.objects.get(event="diary.changed")
    assert event.changes == {"fields": ["frequency", "wants_reminder"]}


def test_saving_the_same_settings_writes_nothing(plan, therapist):
    services.change_diary(therapist, plan, "daily", False)
    assert not AuditEvent.objects.filter(event="diary.changed").exists()


def test_an_unknown_frequency_is_refused_and_nothing_changes(plan, therapist):
    with pytest.raises(ValidationError, match="every day or once a week"):
        services.change_diary(therapist, plan, "monthly", True)
    plan.refresh_from_db()
    assert (plan.frequency, plan.wants_reminder) == ("daily", False)


def test_an_outsider_gets_404(plan, outsider):
    with pytest.raises(Http404):
        services.change_diary(outsider, plan, "weekly", True)
