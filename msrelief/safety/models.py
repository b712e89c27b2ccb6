"""A pre-session safety screen as it was done: the answers of the day, the facts taken from the
client's history, the rule set's version and full result, and the therapist's decision. Stored
once and never changed, except that the decision is recorded (once) after the result is seen."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client


class Outcome(models.TextChoices):
    GO = "GO", "Go ahead"
    ADAPT = "ADAPT", "Go ahead, with the adaptations"
    DEFER = "DEFER", "No hands-on session today"
    REFER = "REFER", "No session today; refer the client"


# Strictness for comparing a decision with the screen's outcome.
STRICTNESS = {Outcome.GO: 0, Outcome.ADAPT: 1, Outcome.DEFER: 2, Outcome.REFER: 3}


class Screen(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="screens")
    on = models.DateField("Session date")
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    performed_at = models.DateTimeField(default=timezone.now)
    today = models.JSONField(default=dict, help_text="The answers asked on the day.")
    from_history = models.JSONField(default=dict, help_text="Answers taken from the history.")
    ruleset_version = models.CharField(max_length=40)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    urgency = models.CharField(max_length=30, blank=True)
    result = models.JSONField(help_text="The screen's whole result, as the rules gave it.")
    decision = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    override_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-performed_at", "-id"]

    def __str__(self) -> str:
        return f"Screen {self.on} for {self.client}"

    @property
    def overridden(self) -> bool:
        return (
            bool(self.decision)
            and STRICTNESS[Outcome(self.decision)] < STRICTNESS[Outcome(self.outcome)]
        )

    @property
    def rules(self) -> list[dict[str, Any]]:
        return list(self.result.get("rules", []))
