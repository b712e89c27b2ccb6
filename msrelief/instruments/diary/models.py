"""A client's diary plan (how often, whether they want a reminder, the standing link) and its
entries, one a local day, each holding the responses of that check-in."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client


class Frequency(models.TextChoices):
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Once a week"


class Route(models.TextChoices):
    LINK = "link", "The diary link"
    PORTAL = "portal", "The client login"


class DiaryPlan(models.Model):
    """One a client. Only the SHA-256 of the standing link's token is kept; the token is shown
    once, when the link is made. An empty ``token_hash`` is a link switched off."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.OneToOneField(Client, on_delete=models.CASCADE, related_name="diary_plan")
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    wants_reminder = models.BooleanField(
        default=False, help_text="The client would like a reminder when the diary is due."
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    link_made_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "instruments"
        verbose_name = "symptom diary"
        verbose_name_plural = "symptom diaries"

    def __str__(self) -> str:
        return f"symptom diary of {self.client}"

    @property
    def has_link(self) -> bool:
        return bool(self.token_hash)


class DiaryEntry(models.Model):
    """One check-in. It never changes once saved (a rating is corrected through its response,
    as any response is); ``submission_key`` makes the same form sent twice land on it."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="diary_entries")
    plan = models.ForeignKey(DiaryPlan, on_delete=models.CASCADE, related_name="entries")
    on = models.DateField(help_text="The client's local day of the check-in.")
    submitted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    route = models.CharField(max_length=10, choices=Route.choices)
    submission_key = models.CharField(max_length=64, blank=True)
    responses = models.ManyToManyField("instruments.Response", related_name="diary_entries")

    class Meta:
        app_label = "instruments"
        verbose_name = "diary entry"
        verbose_name_plural = "diary entries"
        ordering = ["-on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["client", "on"], name="one_diary_entry_a_day")
        ]

    def __str__(self) -> str:
        return f"diary entry of {self.on:%Y-%m-%d}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            from msrelief.instruments.models import ImmutableError

            raise ImmutableError("A diary entry cannot be changed; correct its responses.")
        super().save(*args, **kwargs)
