"""create_client_feed and create_therapist_feed: who may make a feed, one working feed per
owner, the token shown once and only its hash kept, and the audit trail."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments.tokens import hash_token
from msrelief.programmes.calendar import services
from msrelief.programmes.calendar.models import CalendarFeed
from msrelief.testing import make_client_record


def test_staff_of_the_clinic_make_a_client_feed_whose_token_is_kept_only_as_a_hash(
    ms_client, colleague
):
    feed, token = services.create_client_feed(colleague, ms_client)
    assert feed.client == ms_client and feed.therapist is None and feed.clinic == ms_client.clinic
    assert feed.token_hash == hash_token(token) and token not in feed.token_hash
    assert feed.created_by == colleague and feed.is_live
    event = AuditEvent.objects.get(event="calendar_feed.created")
    assert event.object_label == f"Calendar feed #{feed.pk}" and event.client_ref == ms_client.pk
    assert token not in str(event.changes) and feed.token_hash not in str(event.changes)


def test_a_new_client_feed_revokes_the_one_before_it(ms_client, therapist):
    first, first_token = services.create_client_feed(therapist, ms_client)
    second, second_token = services.create_client_feed(therapist, ms_client)
    first.refresh_from_db()
    assert first.revoked_at is not None and first.revoked_by == therapist
    assert second.is_live and first_token != second_token
    assert CalendarFeed.objects.filter(client=ms_client, revoked_at__isnull=True).get() == second
    events = AuditEvent.objects.filter(object_type="programmes.calendarfeed").order_by("pk")
    assert [e.event for e in events] == [
        "calendar_feed.created",
        "calendar_feed.revoked",
        "calendar_feed.created",
    ]


def test_an_outsider_cannot_make_a_feed_for_another_clinics_client(ms_client, outsider):
    with pytest.raises(Http404):
        services.create_client_feed(outsider, ms_client)
    assert (
        not CalendarFeed.objects.exists()
        and not AuditEvent.objects.filter(object_type="programmes.calendarfeed").exists()
    )


def test_a_client_login_cannot_make_a_feed_even_of_their_own_record(ms_client, person_with_ms):
    with pytest.raises(PermissionDenied, match="Only clinic staff"):
        services.create_client_feed(person_with_ms, ms_client)


def test_a_therapist_makes_their_own_feed(therapist):
    feed, token = services.create_therapist_feed(therapist, therapist)
    assert feed.therapist == therapist and feed.client is None
    assert feed.clinic_id == therapist.clinic_id and len(token) >= 43
    event = AuditEvent.objects.get(event="calendar_feed.created")
    assert event.client_ref is None and event.changes == {"owner": "therapist"}


def test_a_therapist_cannot_make_a_colleagues_feed(therapist, colleague):
    with pytest.raises(PermissionDenied, match="Only the therapist or a clinic admin"):
        services.create_therapist_feed(therapist, colleague)
    assert not CalendarFeed.objects.exists()


def test_a_clinic_admin_makes_a_feed_for_a_therapist_of_their_clinic_only(
    clinic_admin, therapist, outsider
):
    feed, _ = services.create_therapist_feed(clinic_admin, therapist)
    assert feed.therapist == therapist and feed.created_by == clinic_admin
    with pytest.raises(Http404):
        services.create_therapist_feed(clinic_admin, outsider)


def test_an_outsider_cannot_make_a_feed_for_a_therapist_of_another_clinic(outsider, therapist):
    with pytest.raises(Http404):
        services.create_therapist_feed(outsider, therapist)


def test_no_feed_is_made_for_a_login_that_is_not_staff_or_is_switched_off(
    clinic_admin, person_with_ms, colleague
):
    with pytest.raises(Http404):
        services.create_therapist_feed(clinic_admin, person_with_ms)
    colleague.is_active = False
    colleague.save()
    with pytest.raises(Http404):
        services.create_therapist_feed(clinic_admin, colleague)


def test_a_new_therapist_feed_revokes_the_one_before_it_and_leaves_client_feeds_alone(
    therapist, clinic_admin, ms_client
):
    client_feed, _ = services.create_client_feed(therapist, ms_client)
    first, _ = services.create_therapist_feed(therapist, therapist)
    second, _ = services.create_therapist_feed(clinic_admin, therapist)
    first.refresh_from_db()
    client_feed.refresh_from_db()
    assert first.revoked_by == clinic_admin and second.is_live and client_feed.is_live


def test_each_client_has_a_feed_of_their_own(therapist, ms_client):
    other = make_client_record(therapist, display_name="Sam")
    one, _ = services.create_client_feed(therapist, ms_client)
    two, _ = services.create_client_feed(therapist, other)
    one.refresh_from_db()
    assert one.is_live and two.is_live
