"""The pre-session page's forms: the day's answers, and the therapist's decision."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from msrelief.core.fields import LinesField
from msrelief.core.voice import HouseVoice
from msrelief.safety.models import Outcome
from msrelief.safety.questions import FLAG_GROUPS


class ScreenForm(HouseVoice, forms.Form):
    on = forms.DateField(
        label="Date of the session",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    session = forms.ChoiceField(
        label="Kind of session",
        choices=[("massage", "Massage"), ("physiotherapy", "Physiotherapy exercise")],
        initial="massage",
    )
    temperature_c = forms.DecimalField(
        label="Temperature in °C, if taken",
        required=False,
        min_value=30,
        max_value=45,
        decimal_places=1,
    )
    falls_last_year = forms.IntegerField(
        label="Falls in the last 12 months",
        min_value=0,
        max_value=1000,
        help_text="Filled in from the falls recorded in the history; change it if the client "
        "tells you of others (and record them in the history).",
    )
    injection_sites = LinesField(
        label="Where the client injects an MS medicine",
        required=False,
        help_text="One place a line, for example: left thigh. Leave empty if none.",
        max_length=500,
    )
    gave_birth_on = forms.DateField(
        label="Date of a recent birth, if any",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for _, questions in FLAG_GROUPS:
            for key, question in questions:
                self.fields[key] = forms.BooleanField(label=question, required=False)

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(title, [self[key] for key, _ in questions]) for title, questions in FLAG_GROUPS]

    def clean_on(self) -> Any:
        on = self.cleaned_data["on"]
        if on is not None and on < timezone.localdate():
            raise forms.ValidationError("The screen is for today's or a coming session.")
        return on

    def answers(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("on", None)
        if data.get("temperature_c") is not None:
            data["temperature_c"] = float(data["temperature_c"])
        return data


class DecisionForm(HouseVoice, forms.Form):
    decision = forms.ChoiceField(
        label="What will you do?", choices=Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Why, if you are going against the screen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Needed when your decision is milder than the screen's outcome.",
    )
