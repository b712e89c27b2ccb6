"""What the reminders remember: every decision to send or not to send one (``ReminderLog``),
the unsubscribe link of each message sent (only a hash of its token), and the therapists who
asked for no overdue-measure emails."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.instruments.models import Administration


class ReminderKind(models.TextChoices):
    SESSION = "session", "Session reminder"
    QUESTIONNAIRE_OPEN = "questionnaire_open", "Questionnaire open"
    QUESTIONNAIRE_NUDGE = "questionnaire_nudge", "Questionnaire still to do"
    MEASURES_OVERDUE = "measures_overdue", "Overdue measure, to the therapist"
    DIARY = "diary", "Symptom diary reminder"


class Outcome(models.TextChoices):
    SENT = "sent", "Sent"
    SKIPPED = "skipped", "Not sent"
    # Queued, then found unwanted just before it left (the session was cancelled meanwhile).
    WITHDRAWN = "withdrawn", "Withdrawn before sending"


class ReminderLog(models.Model):
    """One decision about one reminder. ``about_key`` names what it is about and, for a
    session, the start it was for (``session:12@2026-03-03T09:00:00+00:00``), so that a session
    moved to another time has a reminder of its own. At most one row per kind and
    ``about_key`` is "sent": two passes racing cannot send a reminder twice."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="reminder_logs")
    kind = models.CharField(max_length=30, choices=ReminderKind.choices)
    about_key = models.CharField(max_length=120)
    session = models.ForeignKey(
        "programmes.PlannedSession",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    administration = models.ForeignKey(
        Administration, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    measure = models.ForeignKey(
        "programmes.ScheduledMeasure",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Who it went (or would have gone) to when that is not the client: the therapist.
    staff_recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.CharField(max_length=300)
    message = models.ForeignKey(
        "notifications.Message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["kind", "about_key"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "about_key"],
                condition=models.Q(outcome="sent"),
                name="one_sent_reminder_per_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_outcome_display()}"

    @property
    def to_therapist(self) -> bool:
        return self.staff_recipient_id is not None


class UnsubscribeLink(models.Model):
    """The unsubscribe link of one reminder email: to a client (their reminders stop) or to a
    therapist (their overdue-measure emails stop). Only a SHA-256 of the token is kept."""

    token_hash = models.CharField(max_length=64, unique=True)
    client = models.ForeignKey(
        Client, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(client__isnull=True) ^ models.Q(user__isnull=True),
                name="unsubscribe_link_for_one_person",
            )
        ]

    def __str__(self) -> str:
        return f"Unsubscribe link #{self.pk}"


class StaffOptOut(models.Model):
    """A therapist who asked, through an email's link, for no more overdue-measure emails."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Opt-out of login #{self.user_id}"
