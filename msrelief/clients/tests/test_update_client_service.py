from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import services


def test_a_colleague_in_the_same_clinic_can_update_a_client(ms_client, colleague):
    services.update_client(colleague, ms_client, edss=Decimal("4.0"), notes="")
    ms_client.refresh_from_db()
    assert ms_client.edss == Decimal("4.0")
    event = AuditEvent.objects.get(action="update")
    assert event.actor == colleague
    assert event.changes == {"fields": ["edss", "notes"]}


def test_an_update_that_changes_nothing_writes_no_event(ms_client, therapist):
    services.update_client(therapist, ms_client, notes=ms_client.notes)
    assert not AuditEvent.objects.filter(action="update").exists()


def test_an_outsider_cannot_update_a_client_they_cannot_see(ms_client, outsider):
    with pytest.raises(Http404):
        services.update_client(outsider, ms_client, notes="x")
    ms_client.refresh_from_db()
    assert ms_client.notes == "Prefers morning sessions."


def test_a_bad_update_leaves_the_stored_record_unchanged(ms_client, therapist):
    with pytest.raises(ValidationError):
        services.update_client(therapist, ms_client, notes="changed", edss=Decimal("11"))
    ms_client.refresh_from_db()
    assert ms_client.notes == "Prefers morning sessions."
    assert not AuditEvent.objects.filter(action="update").exists()


def test_a_time_zone_that_is_not_an_iana_name_is_refused_naming_the_field(therapist, ms_client):
    with pytest.raises(ValidationError) as caught:
        services.update_client(therapist, ms_client, time_zone="Mars/Olympus_Mons")
    assert "not a time zone name" in caught.value.message_dict["time_zone"][0]
    ms_client.refresh_from_db()
    assert ms_client.time_zone == ""


def test_the_reminder_channel_and_time_zone_are_saved_and_audited_by_name(therapist, ms_client):
    services.update_client(therapist, ms_client, reminders="none", time_zone="Europe/London")
    ms_client.refresh_from_db()
    assert (ms_client.reminders, ms_client.zone.key) == ("none", "Europe/London")
    event = AuditEvent.objects.filter(event="client.updated").latest("id")
    assert event.changes == {"fields": ["reminders", "time_zone"]}
