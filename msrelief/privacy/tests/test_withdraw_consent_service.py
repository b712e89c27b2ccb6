"""Withdrawal of consent (privacy.services.withdraw_consent / withdraw_own_consent): a dated
record of its own (the consent records are never edited), audited, and processing restricted."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients.models import ConsentRecord
from msrelief.privacy import services


def test_staff_record_a_withdrawal_and_processing_is_restricted(ms_client, therapist):
    before = list(ConsentRecord.objects.values())
    day = timezone.localdate() - dt.timedelta(days=2)
    withdrawal = services.withdraw_consent(therapist, ms_client, day)
    ms_client.refresh_from_db()
    assert withdrawal.withdrawn_on == day and not withdrawal.by_client
    assert ms_client.restricted_since is not None
    assert list(ConsentRecord.objects.values()) == before
    event = AuditEvent.objects.get(event="consent.withdrawn")
    assert event.client_ref == ms_client.pk and event.actor == therapist


def test_a_withdrawal_in_the_future_is_refused_naming_the_date(ms_client, therapist):
    with pytest.raises(ValidationError) as refused:
        services.withdraw_consent(therapist, ms_client, timezone.localdate() + dt.timedelta(1))
    assert "withdrawn_on" in refused.value.message_dict


def test_the_client_withdraws_their_own_consent_from_the_portal(ms_client, person_with_ms):
    ms_client.user = person_with_ms
    ms_client.save()
    withdrawal = services.withdraw_own_consent(person_with_ms, ms_client)
    assert withdrawal.by_client and withdrawal.recorded_by == person_with_ms


def test_another_client_login_may_not_withdraw_for_them(ms_client, person_with_ms):
    with pytest.raises(PermissionDenied):
        services.withdraw_own_consent(person_with_ms, ms_client)


def test_an_outsider_gets_not_found(ms_client, outsider):
    with pytest.raises(Http404):
        services.withdraw_consent(outsider, ms_client)
