"""Administrations (a questionnaire given to a client), responses and their scores.

A submitted :class:`Response` never changes: a correction is a new response that names the one
it supersedes and why. Each response keeps the instrument version it was given in; each
:class:`Score` keeps the scoring version that produced it, so re-scoring adds scores and never
overwrites one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client


class ImmutableError(RuntimeError):
    """Raised on an attempt to change a submitted response or a stored score."""


class Status(models.TextChoices):
    PENDING = "pending", "Not started"
    IN_PROGRESS = "in_progress", "Started"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Layout(models.TextChoices):
    AUTO = "auto", "Decide by screen and length"
    ONE_PER_PAGE = "one", "One question per page"
    ALL_ON_ONE = "all", "All questions on one page"


class Administration(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="administrations")
    instrument_code = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=20)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    available_from = models.DateField(help_text="The first day the client can fill it in.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    layout = models.CharField(max_length=10, choices=Layout.choices, default=Layout.AUTO)
    # Only a SHA-256 of the link's token is stored; the token itself is shown once.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    draft = models.JSONField(default=dict, blank=True)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-assigned_at", "-id"]

    def __str__(self) -> str:
        return f"{self.instrument_code} for {self.client}"

    @property
    def is_open(self) -> bool:
        return self.status in (Status.PENDING, Status.IN_PROGRESS)


class Via(models.TextChoices):
    LINK = "link", "Secure link"
    PORTAL = "portal", "Client login"
    STAFF = "staff", "Entered by staff"
    DIARY = "diary", "Symptom diary"


class Response(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="responses")
    administration = models.ForeignKey(
        Administration, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    instrument_code = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=20)
    answers = models.JSONField(help_text="Item number (as a string) to the answer's value.")
    submitted_at = models.DateTimeField(default=timezone.now)
    # When the answers describe: the submission's time, or for a correction the time of the
    # first response of its chain (a correction made today of last month's answers is last
    # month's response). Every view over time orders and dates responses by it.
    answered_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via = models.CharField(max_length=10, choices=Via.choices)
    # A correction cannot outlive the response it corrects; both go when the client's record
    # is deleted (a response is never deleted on its own).
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="superseded_by"
    )
    correction_reason = models.TextField(blank=True)
    # The idempotency key of the form that submitted it: the same form sent twice returns
    # this response instead of storing another.
    submission_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(supersedes__isnull=True) | ~models.Q(correction_reason=""),
                name="response_correction_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_code}@{self.instrument_version} response {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError("A submitted response cannot be changed; submit a correction.")
        super().save(*args, **kwargs)

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "superseded_by")


class Score(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="scores")
    scoring_version = models.CharField(max_length=60)
    total = models.FloatField(null=True, blank=True)
    subscales = models.JSONField(default=dict, blank=True)
    band = models.CharField(max_length=100, blank=True)
    missing = models.PositiveSmallIntegerField(default=0)
    prorated = models.BooleanField(default=False)
    # Each score left empty for want of answers: {score, label, needed, of, unanswered, rule}
    # (scoring.Shortfall). An unscored response has a Score row with no total and these.
    shortfalls = models.JSONField(default=list, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-computed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "scoring_version"], name="one_score_per_scoring_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scoring_version}: {self.total}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError("A stored score cannot be changed; re-score under a new version.")
        super().save(*args, **kwargs)


class SignalSource(models.TextChoices):
    RESPONSE = "response", "A questionnaire answer"
    SCREEN = "screen", "A pre-session safety screen"
    ADVERSE_EVENT = "adverse_event", "An adverse event recorded after a session"


class FlagState(models.TextChoices):
    NEW = "new", "New: needs your attention"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    RESOLVED = "resolved", "Resolved"


class SafetyFlag(models.Model):
    """Something a clinician must see now: an answer such as PHQ-9 item 9 above zero, or (from
    care programmes on) a pre-session screen that says refer, or an adverse event after a
    session. ``source_kind`` says which; a flag from a response links to it (an adverse event
    links to its flag from the programmes app, which sits above this one)."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="safety_flags")
    source_kind = models.CharField(
        max_length=20, choices=SignalSource.choices, default=SignalSource.RESPONSE
    )
    response = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.CASCADE, related_name="safety_flags"
    )
    code = models.CharField(max_length=60)
    message = models.TextField()
    source = models.TextField(blank=True, help_text="The rule's citation.")
    raised_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source_kind="response") | models.Q(response__isnull=False),
                name="safety_flag_from_a_response_names_it",
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True)
                | models.Q(acknowledged_at__isnull=False),
                name="safety_flag_is_acknowledged_before_it_is_resolved",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} for {self.client}"

    @property
    def state(self) -> str:
        """``new`` (nobody has acted yet), ``acknowledged`` (someone has, and said what they
        did) or ``resolved`` (the concern is closed, with a note saying how)."""
        if self.resolved_at is not None:
            return FlagState.RESOLVED
        if self.acknowledged_at is not None:
            return FlagState.ACKNOWLEDGED
        return FlagState.NEW

    @property
    def state_label(self) -> str:
        return FlagState(self.state).label


class ClinicQuestionnaire(models.Model):
    """Item wording a clinic holds a licence for, imported as a FHIR Questionnaire and matched
    to a scoring-only definition (same items, same answer values)."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="questionnaires")
    instrument_code = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=20)
    questionnaire = models.JSONField()
    licence_note = models.TextField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "instrument_code", "instrument_version"],
                name="one_questionnaire_text_per_clinic_and_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_code}@{self.instrument_version} text for {self.clinic}"


# The symptom diary's models live in their own package; Django finds them through this import.
from msrelief.instruments.diary.models import DiaryEntry, DiaryPlan  # noqa: E402

__all__ = [
    "Administration",
    "ClinicQuestionnaire",
    "DiaryEntry",
    "DiaryPlan",
    "FlagState",
    "ImmutableError",
    "Layout",
    "Response",
    "SafetyFlag",
    "Score",
    "SignalSource",
    "Status",
    "Via",
]
