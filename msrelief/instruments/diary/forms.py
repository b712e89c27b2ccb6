"""The staff form for a diary's settings: how often, and whether the client wants a reminder."""

from __future__ import annotations

from django import forms

from msrelief.core.voice import HouseVoice
from msrelief.instruments.diary.models import Frequency


class PlanForm(HouseVoice, forms.Form):
    frequency = forms.ChoiceField(
        label="How often",
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often the client keeps the diary."},
    )
    wants_reminder = forms.BooleanField(
        label="The client would like a reminder when the diary is due",
        required=False,
    )
