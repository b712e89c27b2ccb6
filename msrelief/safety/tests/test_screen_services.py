import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients import history_services as history
from msrelief.instruments.models import SafetyFlag
from msrelief.safety import services


def today():
    return timezone.localdate()


def test_a_heat_sensitive_client_gets_adapt_with_the_cooling_adaptations(ms_client, therapist):
    history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    screen = services.run_screen(therapist, ms_client, today(), {})
    assert screen.outcome == "ADAPT"
    assert "R21" in [rule["id"] for rule in screen.rules]
    keys = [a["key"] for a in screen.result["adaptations"]]
    assert "cool_room" in keys and "no_heat_treatments" in keys
    assert screen.from_history == {"heat_sensitive": True}
    event = AuditEvent.objects.get(event="screen.recorded")
    assert event.changes["outcome"] == "ADAPT" and event.client_ref == ms_client.pk


def test_a_relapse_ten_days_ago_defers_and_going_ahead_needs_a_reason(ms_client, therapist):
    onset = today() - dt.timedelta(days=10)
    history.add_entry(therapist, ms_client, "relapse", {"onset": onset})
    screen = services.run_screen(therapist, ms_client, today(), {})
    assert screen.outcome == "DEFER"
    with pytest.raises(ValidationError) as error:
        services.decide(therapist, screen, "GO", "")
    assert "reason" in error.value.message_dict
    decided = services.decide(therapist, screen, "GO", "MS nurse cleared gentle massage today")
    assert decided.overridden and decided.override_reason.startswith("MS nurse")
    assert AuditEvent.objects.filter(event="screen.overridden").exists()
    with pytest.raises(ValidationError, match="already been recorded"):
        services.decide(therapist, screen, "DEFER", "")


def test_following_the_screen_or_being_stricter_needs_no_reason(ms_client, therapist):
    screen = services.run_screen(therapist, ms_client, today(), {})
    assert screen.outcome == "GO"
    decided = services.decide(therapist, screen, "DEFER")
    assert not decided.overridden
    assert AuditEvent.objects.filter(event="screen.decided").exists()


def test_a_refer_raises_a_safety_signal_and_emails_the_therapist(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        screen = services.run_screen(
            therapist, ms_client, today(), {"chest_pain_or_breathless": True}
        )
    assert (screen.outcome, screen.urgency) == ("REFER", "emergency_999")
    flag = SafetyFlag.objects.get()
    assert (flag.source_kind, flag.response) == ("screen", None)
    assert "REFER" in flag.message and "call 999" in flag.message
    assert "pre-session safety screen" in mail.outbox[0].body
    assert ms_client.display_name not in mail.outbox[0].body


def test_bad_answers_are_named_and_nothing_is_stored(ms_client, therapist):
    with pytest.raises(ValidationError) as error:
        services.run_screen(therapist, ms_client, today(), {"temperature_c": 80.0})
    assert "temperature_c" in error.value.message_dict
    assert not ms_client.screens.exists()


def test_only_staff_of_the_clients_clinic_can_screen_or_read_a_screen(
    ms_client, therapist, outsider, person_with_ms
):
    with pytest.raises(Http404):
        services.run_screen(outsider, ms_client, today(), {})
    with pytest.raises(PermissionDenied):
        services.run_screen(person_with_ms, ms_client, today(), {})
    screen = services.run_screen(therapist, ms_client, today(), {})
    with pytest.raises(Http404):
        services.view_screen(outsider, screen.pk)
    with pytest.raises(Http404):
        services.decide(outsider, screen, "GO")
