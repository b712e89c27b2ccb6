"""One form per kind of history entry, built from the model: dates as date pickers, body regions
as a list of checkboxes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from msrelief.clients.history_services import KINDS
from msrelief.clients.regions import REGIONS
from msrelief.core.voice import HouseVoice

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})

# What the page calls each kind: (title of one entry, title of the list).
TITLES = {
    "relapse": ("Relapse", "Relapses"),
    "dmt": ("Disease-modifying therapy", "Disease-modifying therapies"),
    "medicine": ("Other medicine", "Other medicines"),
    "fall": ("Fall", "Falls"),
    "condition": ("Condition", "Conditions that matter for massage"),
    "goal": ("Goal", "The client's goals"),
}


def form_for(kind: str) -> type[forms.ModelForm[Any]]:
    model, fields = KINDS[kind]
    widgets: dict[str, type[forms.Widget] | forms.Widget] = {}
    for name in fields:
        field = model._meta.get_field(name)
        if isinstance(field, models.DateField):
            widgets[name] = DATE
        elif isinstance(field, models.TextField):
            widgets[name] = TEXT
    overrides: dict[str, Any] = {}
    if "areas" in fields:
        overrides["areas"] = forms.MultipleChoiceField(
            choices=REGIONS,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="Where on the body",
            help_text="For spasticity, sensory loss, skin problems and implanted devices.",
        )
    return forms.modelform_factory(
        model,
        form=type("HistoryForm", (HouseVoice, forms.ModelForm), overrides),
        fields=list(fields),
        widgets=widgets,
    )
