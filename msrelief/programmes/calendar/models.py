"""A private calendar feed: the address a calendar app subscribes to. It belongs to exactly one
owner, a client's record or a staff login (a therapist's own diary). Only the SHA-256 hash of
its token is kept, so the address is shown once, when it is made. A revoked feed stays, with
when and by whom, so the trail reads; an owner has at most one feed that is not revoked."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client


class CalendarFeed(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(
        Client, null=True, blank=True, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(client__isnull=True, therapist__isnull=False)
                | models.Q(client__isnull=False, therapist__isnull=True),
                name="calendar_feed_has_one_owner",
            ),
            models.UniqueConstraint(
                fields=["client"],
                condition=models.Q(revoked_at__isnull=True, client__isnull=False),
                name="one_live_calendar_feed_per_client",
            ),
            models.UniqueConstraint(
                fields=["therapist"],
                condition=models.Q(revoked_at__isnull=True, therapist__isnull=False),
                name="one_live_calendar_feed_per_therapist",
            ),
        ]

    def __str__(self) -> str:
        return f"Calendar feed #{self.pk}"  # never the token: only its hash is kept

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None
