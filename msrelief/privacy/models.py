"""What is left of an erased client (a ``Tombstone``: their number, clinic, when, by whom, why
and how many rows of each kind went, never a name, contact detail, date of birth or health
fact), the withdrawals of consent (a record of its own: a consent record is never edited), the
legal holds that stop an erasure, and the clinic's own words for its processing activities."""

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


class LegalHold(models.Model):
    """A clinic admin's legal hold on a client: while it stands, the record is not erased by
    staff or by the retention purge (privacy/services.py, privacy/retention.py).

    A small model here rather than fields on the client: the hold is the privacy app's rule,
    not part of the client record, and ``on_delete=PROTECT`` lets the database itself refuse to
    delete a held client by any path (an erasure, the purge, the client record's own delete).
    One row is the hold that stands now; lifting it deletes the row, so that a lifted hold never
    blocks a later erasure. The audit trail keeps who placed and lifted it, and when
    (``privacy.legal_hold_placed``, ``privacy.legal_hold_lifted``)."""

    client = models.OneToOneField(Client, on_delete=models.PROTECT, related_name="legal_hold")
    reason = models.CharField(max_length=300)
    placed_at = models.DateTimeField(default=timezone.now)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Legal hold on client #{self.client_id}"


#: The longest purpose, lawful basis or list of recipients a clinic may write.
WORDS_MAX = 1000


class ProcessingRecord(models.Model):
    """The clinic's own words for one processing activity (privacy/activities.py): its purpose,
    lawful basis and recipients. A clinic with no row for an activity shows the defaults of
    activities.py; what is held, the retention period and the counts are never stored here."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="+")
    activity = models.CharField(max_length=40)
    purpose = models.TextField(max_length=WORDS_MAX)
    lawful_basis = models.TextField(max_length=WORDS_MAX)
    recipients = models.TextField(max_length=WORDS_MAX)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "activity"], name="privacy_one_record_per_activity"
            )
        ]

    def __str__(self) -> str:
        return f"Processing activity {self.activity}"
