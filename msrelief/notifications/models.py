"""The outbox: every email msrelief sends is first a :class:`Message` row, written in the same
transaction as the event that causes it, and sent afterwards by the worker. Each try is kept as
a :class:`DeliveryAttempt`, so a failed message says when it was tried and what went wrong."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    SAFETY_ALERT = "safety_alert", "Safety alert to the therapist"
    ADVERSE_EVENT_ALERT = "adverse_event_alert", "Adverse event alert to the therapist"
    QUESTIONNAIRE_LINK = "questionnaire_link", "Questionnaire link to a client"
    PASSWORD_RESET = "password_reset", "Password reset"
    COMMENT_HELD = "comment_held", "Comment waiting for moderation"
    PORTAL_SIGN_IN = "portal_sign_in", "Sign-in link to the client portal"
    PORTAL_INVITATION = "portal_invitation", "Invitation to the client portal"
    SESSION_REMINDER = "session_reminder", "Session reminder to a client"
    QUESTIONNAIRE_REMINDER = "questionnaire_reminder", "Questionnaire reminder to a client"
    OVERDUE_MEASURES = "overdue_measures", "Overdue measures to a therapist"
    DIARY_REMINDER = "diary_reminder", "Symptom diary reminder to a client"


class Delivery(models.TextChoices):
    QUEUED = "queued", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Not delivered"
    # Checked again just before sending (notifications/withdrawal.py): no longer wanted.
    WITHDRAWN = "withdrawn", "Not sent: no longer needed"


class Message(models.Model):
    kind = models.CharField(max_length=30, choices=Kind.choices)
    clinic = models.ForeignKey(
        "accounts.Clinic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # What the message is about, as type and id (like the audit trail), so that a page can
    # say "email not delivered" next to it and erasure can find it.
    about_type = models.CharField(max_length=50, blank=True)
    about_id = models.CharField(max_length=64, blank=True)
    # The client it concerns, by id, so that deleting a client's record deletes their messages.
    client_ref = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    to_address = models.EmailField()
    subject = models.CharField(max_length=200)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # A body holding a sign-in or questionnaire link is blanked once sent.
    redact_when_sent = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]

    def __str__(self) -> str:
        return f"Message #{self.pk}"

    @property
    def delivered(self) -> bool:
        return self.status == Delivery.SENT


class DeliveryAttempt(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="delivery_attempts")
    attempted_at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField()
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-attempted_at", "-id"]

    def __str__(self) -> str:
        return f"Attempt #{self.pk} of message #{self.message_id}"
