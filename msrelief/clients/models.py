"""A client belongs to one clinic and has a responsible therapist in that clinic."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic


class Phenotype(models.TextChoices):
    CIS = "CIS", "Clinically isolated syndrome (CIS)"
    RRMS = "RRMS", "Relapsing-remitting MS (RRMS)"
    SPMS = "SPMS", "Secondary progressive MS (SPMS)"
    PPMS = "PPMS", "Primary progressive MS (PPMS)"
    UNKNOWN = "unknown", "Not known"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Other"
    NOT_STATED = "not_stated", "Prefers not to say"


EARLIEST_YEAR = 1900


class ReminderChannel(models.TextChoices):
    EMAIL = "email", "By email"
    NONE = "none", "No reminders"


def validate_time_zone(value: str) -> None:
    """An IANA time zone name that this machine's zone database knows, such as Europe/London."""
    if not value:
        return
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"{value!r} is not a time zone name: use one such as Europe/London or America/New_York."
        ) from None


def validate_edss_step(value: Decimal) -> None:
    """EDSS is scored 0 to 10 in steps of 0.5 (Kurtzke 1983)."""
    if value % Decimal("0.5") != 0:
        raise ValidationError("EDSS goes in steps of 0.5, for example 3.5 or 4.0.")


class Client(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clients")
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="clients"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="client_record",
        help_text="The client's own login, if they have one.",
    )
    display_name = models.CharField(
        max_length=100, help_text="A name or initials that the clinic uses for this client."
    )
    year_of_birth = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(EARLIEST_YEAR)]
    )
    sex = models.CharField(max_length=20, choices=Sex.choices, default=Sex.NOT_STATED)
    phenotype = models.CharField(max_length=10, choices=Phenotype.choices, default="unknown")
    diagnosis_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(EARLIEST_YEAR)]
    )
    edss = models.DecimalField(
        "EDSS",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10), validate_edss_step],
        help_text="Expanded Disability Status Scale, 0 to 10 in steps of 0.5, if known.",
    )
    email = models.EmailField(blank=True, help_text="Where questionnaire links are sent.")
    reminders = models.CharField(
        max_length=10,
        choices=ReminderChannel.choices,
        default=ReminderChannel.EMAIL,
        help_text="Reminders of sessions and questionnaires; email needs an email address.",
    )
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="Where the client lives, for the time of reminders (no reminder at night). "
        "Leave empty for the clinic's.",
    )
    notes = models.TextField(blank=True)
    # Restriction of processing (UK GDPR art. 18): while set, the record stays readable but no
    # new questionnaire, reminder, diary entry or enrolment is accepted (clients/restriction.py).
    restricted_since = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When processing of this client's information was restricted, if it is.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["display_name", "id"]
        indexes = [models.Index(fields=["clinic", "display_name"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(edss__isnull=True) | models.Q(edss__gte=0, edss__lte=10),
                name="client_edss_in_range",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def zone(self) -> ZoneInfo:
        """The client's time zone, or the site's when none is set."""
        return ZoneInfo(self.time_zone or settings.TIME_ZONE)

    def clean(self) -> None:
        this_year = timezone.localdate().year
        errors: dict[str, str] = {}
        if self.year_of_birth and self.year_of_birth > this_year:
            errors["year_of_birth"] = f"Year of birth cannot be after {this_year}."
        if self.diagnosis_year and self.diagnosis_year > this_year:
            errors["diagnosis_year"] = f"Year of diagnosis cannot be after {this_year}."
        if self.year_of_birth and self.diagnosis_year and self.diagnosis_year < self.year_of_birth:
            errors["diagnosis_year"] = "Year of diagnosis cannot be before the year of birth."
        if self.therapist_id and self.clinic_id and self.therapist.clinic_id != self.clinic_id:
            errors["therapist"] = "The responsible therapist must work in the client's clinic."
        if errors:
            raise ValidationError(errors)


class ConsentRecord(models.Model):
    """That the client agreed to a given version of the consent text, and who recorded it."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents")
    text_version = models.CharField(max_length=20)
    consented_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-consented_on", "-id"]

    def __str__(self) -> str:
        return f"Consent {self.text_version} on {self.consented_on}"


# The dated history lives in its own module; Django finds its models through this import.
from msrelief.clients.models_history import (  # noqa: E402
    Condition,
    ConditionKind,
    DmtPeriod,
    Drug,
    Fall,
    Goal,
    Medicine,
    MedicineGroup,
    Recovery,
    Relapse,
    Route,
)

__all__ = [
    "EARLIEST_YEAR",
    "Client",
    "Condition",
    "ConditionKind",
    "ConsentRecord",
    "DmtPeriod",
    "Drug",
    "Fall",
    "Goal",
    "Medicine",
    "MedicineGroup",
    "Phenotype",
    "Recovery",
    "Relapse",
    "ReminderChannel",
    "Route",
    "Sex",
    "validate_edss_step",
]
