"""The cohort page's filters (GET): programme, type of MS, EDSS band and a date range."""

from __future__ import annotations

from typing import Any

from django import forms

from msrelief.clients.models import Phenotype
from msrelief.core.voice import HouseVoice
from msrelief.reports.cohort.queries import EDSS_BANDS, EDSS_NOT_RECORDED, CohortFilters

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CohortFilterForm(HouseVoice, forms.Form):
    programme = forms.ChoiceField(required=False, label="Programme")
    phenotype = forms.ChoiceField(
        required=False, label="Type of MS", choices=[("", "All types"), *Phenotype.choices]
    )
    edss_band = forms.ChoiceField(
        required=False,
        label="EDSS band",
        choices=[
            ("", "All"),
            *((code, label) for code, (label, _, _) in EDSS_BANDS.items()),
            (EDSS_NOT_RECORDED, "EDSS not recorded"),
        ],
        help_text="By the EDSS recorded on the client's record now.",
    )
    date_from = forms.DateField(required=False, label="From (date)", widget=DATE)
    date_to = forms.DateField(required=False, label="To (date)", widget=DATE)

    def __init__(self, *args: Any, programmes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["programme"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "All clients, in a programme or not"), *programmes]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end of the date range cannot be before its start.")
        return data

    def filters(self) -> CohortFilters:
        data = self.cleaned_data
        return CohortFilters(
            programme=data["programme"],
            phenotype=data["phenotype"],
            edss_band=data["edss_band"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
