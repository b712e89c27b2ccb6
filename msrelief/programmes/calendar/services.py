"""Making and revoking calendar feeds, and finding the feed an address names.

Who may do what: any staff of a client's clinic may make or revoke the client's feed (another
clinic's client is a 404, as everywhere); a therapist may make or revoke their own feed; a
clinic admin may do so for any therapist of their clinic. Making a feed revokes the owner's
feed before it, so an owner has one working address at most. Each change is audited; the
token is returned once and never stored.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from msrelief.accounts.models import Clinic, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.instruments import tokens
from msrelief.programmes.calendar import rows
from msrelief.programmes.calendar.models import CalendarFeed

STAFF_ONLY = "Only clinic staff can make or revoke a calendar feed."
NOT_YOURS = "Only the therapist or a clinic admin can make or revoke a therapist's calendar feed."
# What new_token makes (43 characters of the URL-safe alphabet), with room to spare: anything
# else is refused before it is hashed or looked up.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")


def _staff_therapist(actor: User, therapist: User, *, revoking: bool = False) -> User:
    """``therapist`` fetched again, if ``actor`` may manage their feed; 404 outside the actor's
    clinic, PermissionDenied for a colleague's feed. A feed is made only for active staff; one
    may be revoked for any login of the clinic (a therapist who has left, say)."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic_id is None:
        raise PermissionDenied(STAFF_ONLY)
    logins = User.objects.filter(clinic_id=actor.clinic_id)
    found = (logins if revoking else permissions.staff_of(actor)).filter(pk=therapist.pk).first()
    if found is None:
        raise Http404("No such therapist")
    if found.pk != actor.pk and not actor.is_clinic_admin:
        raise PermissionDenied(NOT_YOURS)
    return found


def _clinic_of(therapist: User) -> Clinic:
    if therapist.clinic is None:  # _staff_therapist found them in the actor's clinic
        raise Http404("No such therapist")
    return therapist.clinic


def _revoke_live(actor: User, live: QuerySet[CalendarFeed], clinic: Clinic) -> None:
    for feed in live.select_for_update().filter(revoked_at__isnull=True):
        _revoke(actor, feed, clinic)


def _revoke(actor: User, feed: CalendarFeed, clinic: Clinic) -> None:
    feed.revoked_at, feed.revoked_by = timezone.now(), actor
    feed.save(update_fields=["revoked_at", "revoked_by"])
    audit.record(
        actor,
        Action.UPDATE,
        feed,
        clinic=clinic,
        changes={"fields": ["revoked_at"]},
        event="calendar_feed.revoked",
    )


def _create(actor: User, clinic: Clinic, **owner: Client | User) -> tuple[CalendarFeed, str]:
    token = tokens.new_token()
    feed = CalendarFeed.objects.create(
        clinic=clinic, token_hash=tokens.hash_token(token), created_by=actor, **owner
    )
    kind = "client" if "client" in owner else "therapist"
    audit.record(
        actor,
        Action.CREATE,
        feed,
        clinic=clinic,
        changes={"owner": kind},
        event="calendar_feed.created",
    )
    return feed, token


@transaction.atomic
def create_client_feed(actor: User, client: Client) -> tuple[CalendarFeed, str]:
    """A new feed of ``client``'s sessions and due dates; returns it and its token (shown
    once). The client's feed before it stops working."""
    client = permissions.staff_client(actor, client, STAFF_ONLY)
    Client.objects.select_for_update().filter(pk=client.pk).first()
    _revoke_live(actor, CalendarFeed.objects.filter(client=client), client.clinic)
    return _create(actor, client.clinic, client=client)


@transaction.atomic
def create_therapist_feed(actor: User, therapist: User) -> tuple[CalendarFeed, str]:
    """A new feed of the sessions ``therapist`` gives; returns it and its token (shown once).
    The therapist's feed before it stops working."""
    therapist = _staff_therapist(actor, therapist)
    User.objects.select_for_update().filter(pk=therapist.pk).first()
    clinic = _clinic_of(therapist)
    _revoke_live(actor, CalendarFeed.objects.filter(therapist=therapist), clinic)
    return _create(actor, clinic, therapist=therapist)


@transaction.atomic
def revoke_feed(actor: User, feed: CalendarFeed) -> CalendarFeed:
    """Stop ``feed``'s address working, at once and for good."""
    if feed.client_id is not None:
        client = permissions.staff_client(actor, Client(pk=feed.client_id), STAFF_ONLY)
        clinic = client.clinic
    else:
        therapist = _staff_therapist(actor, User(pk=feed.therapist_id), revoking=True)
        clinic = _clinic_of(therapist)
    locked = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
    if locked.revoked_at is not None:
        raise ValidationError("This calendar feed was already revoked.")
    _revoke(actor, locked, clinic)
    return locked


def live_client_feed(actor: User, client: Client) -> CalendarFeed | None:
    """The client's working feed, for a page of ``actor``'s (who may see the client)."""
    client = permissions.get_client_or_404(actor, client.pk)
    return CalendarFeed.objects.filter(client=client, revoked_at__isnull=True).first()


def live_therapist_feeds(actor: User) -> dict[int, CalendarFeed]:
    """The working feeds of the therapists whose feeds ``actor`` may manage, by their id."""
    found = CalendarFeed.objects.filter(revoked_at__isnull=True, therapist__isnull=False)
    if actor.clinic_id is None:
        return {}
    if actor.is_clinic_admin:
        found = found.filter(clinic_id=actor.clinic_id)
    else:
        found = found.filter(therapist_id=actor.pk)
    return {int(feed.therapist_id): feed for feed in found if feed.therapist_id is not None}


def feed_for_token(token: str) -> CalendarFeed:
    """The working feed that ``token`` opens; 404 for any other token, revoked, unknown or
    malformed alike, and for a therapist who is no longer staff of the feed's clinic."""
    if not TOKEN_SHAPE.fullmatch(token):
        raise Http404("No such calendar")
    feed = (
        CalendarFeed.objects.select_related("clinic", "therapist")
        .filter(token_hash=tokens.hash_token(token), revoked_at__isnull=True)
        .first()
    )
    if feed is None:
        raise Http404("No such calendar")
    therapist = feed.therapist
    if therapist is not None and not (
        therapist.is_active and therapist.is_clinic_staff and therapist.clinic_id == feed.clinic_id
    ):
        raise Http404("No such calendar")
    return feed


def calendar_for_token(token: str) -> bytes:
    """The calendar that ``token``'s feed serves (404 as :func:`feed_for_token`)."""
    return rows.calendar_bytes(feed_for_token(token))
