"""revoke_feed: the address stops working for good; only those who may make the feed may
revoke it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.programmes.calendar import services


def test_staff_of_the_clinic_revoke_a_client_feed_and_the_trail_says_who(
    ms_client, therapist, colleague
):
    feed, _ = services.create_client_feed(therapist, ms_client)
    revoked = services.revoke_feed(colleague, feed)
    assert revoked.revoked_at is not None and revoked.revoked_by == colleague
    event = AuditEvent.objects.get(event="calendar_feed.revoked")
    assert event.actor == colleague and event.client_ref == ms_client.pk
    assert event.sentence.endswith("its address stopped working")


def test_a_feed_revoked_already_is_refused_and_keeps_its_first_revocation(
    ms_client, therapist, colleague
):
    feed, _ = services.create_client_feed(therapist, ms_client)
    services.revoke_feed(therapist, feed)
    with pytest.raises(ValidationError, match="already revoked"):
        services.revoke_feed(colleague, feed)
    feed.refresh_from_db()
    assert feed.revoked_by == therapist
    assert AuditEvent.objects.filter(event="calendar_feed.revoked").count() == 1


def test_an_outsider_cannot_revoke_a_feed_of_another_clinics_client(ms_client, therapist, outsider):
    feed, _ = services.create_client_feed(therapist, ms_client)
    with pytest.raises(Http404):
        services.revoke_feed(outsider, feed)
    feed.refresh_from_db()
    assert feed.is_live


def test_a_therapist_revokes_their_own_feed_but_not_a_colleagues(therapist, colleague):
    mine, _ = services.create_therapist_feed(therapist, therapist)
    theirs, _ = services.create_therapist_feed(colleague, colleague)
    with pytest.raises(PermissionDenied):
        services.revoke_feed(therapist, theirs)
    assert services.revoke_feed(therapist, mine).revoked_by == therapist


def test_a_clinic_admin_revokes_the_feed_of_a_therapist_who_has_left(clinic_admin, colleague):
    feed, _ = services.create_therapist_feed(colleague, colleague)
    colleague.is_active = False
    colleague.save()
    assert services.revoke_feed(clinic_admin, feed).revoked_by == clinic_admin


def test_an_outsider_cannot_revoke_a_therapist_feed_of_another_clinic(therapist, outsider):
    feed, _ = services.create_therapist_feed(therapist, therapist)
    with pytest.raises(Http404):
        services.revoke_feed(outsider, feed)
