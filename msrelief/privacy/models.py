"""What is left of an erased client (a ``Tombstone``: their number, clinic, when, by whom, why
and how many rows of each kind went, never a name, contact detail, date of birth or health
fact), and the withdrawals of consent (a record of its own: a consent record is never edited)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client


class Tombstone(models.Model):
    client_number = models.PositiveBigIntegerField(unique=True)
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    erased_at = models.DateTimeField(default=timezone.now)
    # None when the retention purge erased the record (the system, not a person).
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=300)
    removed = models.JSONField(default=dict, help_text="Rows removed, by kind of record.")

    class Meta:
        ordering = ["-erased_at", "-id"]

    def __str__(self) -> str:
        return f"Erased client #{self.client_number}"


class ConsentWithdrawal(models.Model):
    """That the client withdrew their consent on ``withdrawn_on``; recorded by staff, or by the
    client from their portal (``recorded_by`` is then their own login)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="withdrawals")
    withdrawn_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    by_client = models.BooleanField(default=False)

    class Meta:
        ordering = ["-withdrawn_on", "-id"]

    def __str__(self) -> str:
        return f"Consent withdrawn on {self.withdrawn_on}"
