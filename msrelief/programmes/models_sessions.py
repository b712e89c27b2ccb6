"""A client's enrolment in a programme: the planned sessions and scheduled measures, the history
of every change to the plan, session notes (SOAP) with their versions, the pre/post ratings and
adverse events. Nothing here is deleted on its own: a cancelled session stays, cancelled; a
signed note is never changed (an amendment is a new version that names the one it replaces);
everything goes only when the client's record is deleted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client
from msrelief.instruments.models import Administration, Response, SafetyFlag
from msrelief.programmes import vocab


class ImmutableNote(RuntimeError):
    """Raised on an attempt to change a signed session note."""


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CancelledBy(models.TextChoices):
    CLIENT = "client", "the client"
    CLINIC = "clinic", "the clinic"


class Enrolment(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="enrolments")
    template = models.ForeignKey(
        "programmes.ProgrammeTemplate", on_delete=models.PROTECT, related_name="enrolments"
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField()
    weekdays = models.JSONField(help_text="ISO weekdays of the sessions, 1 = Monday.")
    session_time = models.TimeField()
    minutes = models.PositiveSmallIntegerField()
    weeks = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enrolled_at = models.DateTimeField(default=timezone.now)
    ended_on = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_by = models.CharField(
        "Withdrawal decided by", max_length=10, choices=CancelledBy.choices, blank=True
    )
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.template.title} for {self.client}"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    ATTENDED = "attended", "Attended"
    CANCELLED = "cancelled", "Cancelled"
    NO_SHOW = "no_show", "Did not come (no-show)"


class PlannedSession(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    cancelled_by = models.CharField(max_length=10, choices=CancelledBy.choices, blank=True)
    status_note = models.TextField(blank=True)
    status_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status_recorded_at = models.DateTimeField(null=True, blank=True)
    screen = models.ForeignKey(
        "safety.Screen",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text="The pre-session safety screen done for this session.",
    )

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="cancelled") | ~models.Q(cancelled_by=""),
                name="cancelled_session_says_by_whom",
            )
        ]

    def __str__(self) -> str:
        return f"Session on {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def client_id(self) -> int:
        """The client's id, for the audit trail and the outbox (which file events by client)."""
        return int(self.enrolment.client_id)

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)

    @property
    def local_date(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def status_text(self) -> str:
        if self.status == SessionStatus.CANCELLED:
            return f"Cancelled by {self.get_cancelled_by_display()}"
        return str(self.get_status_display())


class PlanChange(models.Model):
    """One change to an enrolment's plan, kept for good: the plan as made, a session moved,
    added or cancelled, or its attendance recorded. ``details`` holds what it was and what it
    became (dates and statuses, never notes)."""

    class Kind(models.TextChoices):
        PLANNED = "planned", "Plan made"
        MOVED = "moved", "Session moved"
        ADDED = "added", "Session added"
        STATUS = "status", "Status recorded"
        ENDED = "ended", "Programme ended"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="changes")
    session = models.ForeignKey(
        PlannedSession, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    details = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.changed_at:%Y-%m-%d})"


class ScheduledMeasure(models.Model):
    """A measure a time point asks for, on its due date. When msrelief could send it, it is a
    questionnaire (``administration``); otherwise ``not_sent_reason`` says why (a clinician
    measures it, or the clinic has not imported its licensed wording) and staff enter it."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="measures")
    time_point = models.CharField(max_length=20, choices=vocab.TIME_POINTS)
    week = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    instrument_code = models.CharField(max_length=40, blank=True)
    trial_instrument = models.CharField(max_length=300, blank=True)
    substitute = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    administration = models.OneToOneField(
        Administration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    not_sent_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.instrument_code or self.trial_instrument} due {self.due_on}"


class Pressure(models.TextChoices):
    LIGHT = "light", "Light"
    MODERATE = "moderate", "Moderate"
    FIRM = "firm", "Firm"


class SessionNote(models.Model):
    """One version of a session's note (SOAP). A draft may be saved again; once signed it never
    changes, and an amendment is a new, signed version with a reason that names this one."""

    session = models.ForeignKey(PlannedSession, on_delete=models.CASCADE, related_name="notes")
    version = models.PositiveSmallIntegerField(default=1)
    subjective = models.TextField(blank=True)
    objective = models.TextField(blank=True)
    assessment = models.TextField(blank=True)
    plan = models.TextField(blank=True)
    techniques = models.JSONField(default=list, blank=True)
    pressure = models.CharField(max_length=10, choices=Pressure.choices, blank=True)
    minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    body_regions = models.JSONField(default=list, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="superseded_by"
    )
    amendment_reason = models.TextField(blank=True)
    without_go_ahead = models.TextField(
        "Signed without a go-ahead",
        blank=True,
        help_text="Why the session's safety screen did not allow hands-on work when this "
        "version, which records hands-on work, was signed; empty when it did.",
    )

    class Meta:
        ordering = ["session", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["session", "version"], name="one_note_per_version"),
            models.CheckConstraint(
                condition=models.Q(supersedes__isnull=True) | ~models.Q(amendment_reason=""),
                name="note_amendment_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Note version {self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = SessionNote.objects.filter(pk=self.pk).values_list("signed_at", flat=True)
            if stored.first() is not None:
                raise ImmutableNote("A signed note cannot be changed; amend it instead.")
        super().save(*args, **kwargs)

    @property
    def client_id(self) -> int:
        return self.session.client_id

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "superseded_by")


class Phase(models.TextChoices):
    PRE = "pre", "Before the session"
    POST = "post", "After the session"


class SessionRating(models.Model):
    """A 0-10 rating taken before or after a session: the questionnaire response (an NRS
    instrument entered by staff), linked to the session and the phase."""

    session = models.ForeignKey(PlannedSession, on_delete=models.CASCADE, related_name="ratings")
    phase = models.CharField(max_length=4, choices=Phase.choices)
    instrument_code = models.CharField(max_length=40)
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["session", "phase", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "phase", "instrument_code"], name="one_rating_per_phase"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_code} {self.phase}"

    @property
    def client_id(self) -> int:
        return self.session.client_id


class AdverseEvent(models.Model):
    """Something unwanted after (or during) a session. Recording one raises a safety flag,
    whose alert email goes to the client's responsible therapist."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="adverse_events")
    session = models.ForeignKey(
        PlannedSession,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="adverse_events",
    )
    occurred_on = models.DateField()
    kind = models.CharField(max_length=20, choices=vocab.ADVERSE_EVENT_KINDS)
    severity = models.CharField(max_length=10, choices=vocab.SEVERITIES)
    description = models.TextField(blank=True)
    action_taken = models.TextField()
    follow_up = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    flag = models.OneToOneField(
        SafetyFlag, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on}"

    @property
    def severity_word(self) -> str:
        return self.severity.capitalize()
