"""One-time sign-in links to the client portal. The link's token is given out once, in an
email; only its SHA-256 is kept. A link works once, until it expires, and only for a client's
login (staff sign in with their password and second factor)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.clients.models import Client


class Purpose(models.TextChoices):
    SIGN_IN = "sign_in", "Sign-in link asked for by the client"
    INVITATION = "invitation", "Invitation sent by staff"


class SignInLink(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_links"
    )
    # The record the login belongs to, so that the outbox files the email under the client
    # (and deleting the record deletes the email) and the export finds the link.
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="sign_in_links")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"Sign-in link #{self.pk}"

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
