"""Programme templates: what a programme is (technique, body regions, minutes, sessions a week,
weeks) and when it measures what (time points). A template from a trial is linked to the study
arm it describes; a clinic's own template has versions, each a new row, and an enrolment keeps
the version it was planned from.

A value a trial did not report is NULL and shown as "not reported by the trial", never guessed.
The enrolments, sessions, notes, ratings and adverse events are in ``models_sessions.py``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients import regions
from msrelief.evidence.models import Arm
from msrelief.programmes import vocab

NOT_REPORTED = "Not reported by the trial."
NOT_SET = "Not set in this template."
MAX_WEEKS = 52
MAX_MINUTES = 240
MAX_PER_WEEK = 7


def _small(label: str, high: int) -> models.PositiveSmallIntegerField[Any, Any]:
    return models.PositiveSmallIntegerField(
        label,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, "Must be 1 or more."),
            MaxValueValidator(high, f"Must be {high} or less."),
        ],
    )


class ProgrammeTemplate(models.Model):
    """One version of a programme. ``key`` groups the versions of one programme; a template
    with no clinic comes from the seed data (a trial arm) and is shown to every clinic."""

    clinic = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    key = models.SlugField(max_length=120)
    version = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=200)
    arm = models.ForeignKey(
        Arm,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_templates",
        help_text="The trial arm whose protocol this template follows.",
    )
    # Kept as text too, so the citation survives if the arm is removed from the evidence base.
    source_study_key = models.CharField(max_length=100, blank=True)
    source_arm_label = models.CharField(max_length=200, blank=True)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    technique = models.TextField(blank=True)
    body_regions_text = models.TextField("Body regions, as described", blank=True)
    body_regions = models.JSONField(default=list, blank=True)
    minutes_per_session = _small("Minutes per session", MAX_MINUTES)
    minutes_per_session_max = _small("Minutes per session (upper end of a range)", MAX_MINUTES)
    sessions_per_week = _small("Sessions per week", MAX_PER_WEEK)
    weeks = _small("Weeks", MAX_WEEKS)
    sessions_total = _small("Sessions in total", MAX_WEEKS * MAX_PER_WEEK)
    delivered_by = models.CharField(max_length=200, blank=True)
    second_hand_fields = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    change_note = models.TextField("What changed in this version", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="template_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})" if self.clinic_id else self.title

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = sorted(set(self.body_regions) - set(regions.LABELS))
        if unknown:
            errors["body_regions"] = f"Unknown body regions: {', '.join(unknown)}."
        low, high = self.minutes_per_session, self.minutes_per_session_max
        if low is not None and high is not None and high < low:
            errors["minutes_per_session_max"] = "Cannot be less than the minutes per session."
        if errors:
            raise ValidationError(errors)

    @property
    def from_trial(self) -> bool:
        return self.clinic_id is None

    @property
    def empty_means(self) -> str:
        """What an empty value of this template means, in words."""
        return NOT_REPORTED if self.from_trial else NOT_SET

    @property
    def minutes_text(self) -> str:
        low, high = self.minutes_per_session, self.minutes_per_session_max
        if low is None:
            return ""
        return f"{low} to {high}" if high else str(low)

    @property
    def region_labels(self) -> list[str]:
        return [regions.label(code) for code in self.body_regions]


class TimePoint(models.Model):
    """A time the programme measures: ``week`` weeks after the first session (0 = baseline).
    ``instruments`` lists what is measured then, each
    ``{"code", "trial_instrument", "substitute", "note"}``: ``code`` is msrelief's instrument
    (empty when msrelief ships nothing close), ``substitute`` says that it stands in for the
    trial's instrument, and ``note`` why."""

    template = models.ForeignKey(
        ProgrammeTemplate, on_delete=models.CASCADE, related_name="time_points"
    )
    label = models.CharField(max_length=20, choices=vocab.TIME_POINTS)
    week = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_WEEKS * 2)])
    trial_label = models.CharField("As the trial reported it", max_length=200, blank=True)
    instruments = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["template", "week", "id"]

    def __str__(self) -> str:
        return f"{self.get_label_display()} (week {self.week})"

    def clean(self) -> None:
        for entry in self.instruments:
            if not isinstance(entry, dict) or not set(entry) <= INSTRUMENT_KEYS:
                raise ValidationError({"instruments": "Each instrument needs only " + KEYS_TEXT})


INSTRUMENT_KEYS = frozenset({"code", "trial_instrument", "substitute", "note"})
KEYS_TEXT = ", ".join(sorted(INSTRUMENT_KEYS)) + "."

# The calendar feeds and the session models live in their own modules; Django finds them
# through these imports.
from msrelief.programmes.calendar.models import CalendarFeed  # noqa: E402
from msrelief.programmes.models_sessions import (  # noqa: E402
    AdverseEvent,
    CancelledBy,
    Enrolment,
    EnrolmentStatus,
    ImmutableNote,
    Phase,
    PlanChange,
    PlannedSession,
    Pressure,
    ScheduledMeasure,
    SessionNote,
    SessionRating,
    SessionStatus,
)
from msrelief.programmes.reminders.models import (  # noqa: E402
    ReminderLog,
    StaffOptOut,
    UnsubscribeLink,
)

__all__ = [
    "AdverseEvent",
    "CalendarFeed",
    "CancelledBy",
    "Enrolment",
    "EnrolmentStatus",
    "ImmutableNote",
    "Phase",
    "PlanChange",
    "PlannedSession",
    "Pressure",
    "ProgrammeTemplate",
    "ReminderLog",
    "ScheduledMeasure",
    "SessionNote",
    "SessionRating",
    "SessionStatus",
    "StaffOptOut",
    "TimePoint",
    "UnsubscribeLink",
]
