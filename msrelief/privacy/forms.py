"""The forms of the privacy pages."""

from __future__ import annotations

from typing import Any

from django import forms

from msrelief.core.voice import HouseVoice
from msrelief.privacy.models import WORDS_MAX, LegalHold, Tombstone


class EraseForm(HouseVoice, forms.Form):
    client_number = forms.CharField(
        label="Type the client number to confirm",
        max_length=20,
        help_text="The number shown at the top of this page.",
    )
    reason = forms.CharField(
        label="Why is the record erased?",
        max_length=Tombstone._meta.get_field("reason").max_length,
        help_text="For example: asked by the client in writing. Do not write names or health "
        "information: the reason is kept after the record has gone.",
    )

    def __init__(self, *args: Any, number: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.number = number

    def clean_client_number(self) -> str:
        typed = str(self.cleaned_data["client_number"]).strip().lstrip("#")
        if typed != str(self.number):
            raise forms.ValidationError(
                f"Type {self.number}, the number of this client, to confirm the erasure."
            )
        return typed


class WithdrawForm(HouseVoice, forms.Form):
    withdrawn_on = forms.DateField(
        label="Date the client withdrew their consent",
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class LegalHoldForm(HouseVoice, forms.Form):
    reason = forms.CharField(
        label="Why must the record be kept?",
        max_length=LegalHold._meta.get_field("reason").max_length,
        help_text="For example: a claim has been made and the record may be needed. Do not "
        "write names or health information.",
    )


def _words(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=WORDS_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProcessingForm(HouseVoice, forms.Form):
    """The clinic's own words for one processing activity; starts from what the page shows."""

    purpose = _words("Purpose", "Why the clinic holds this information.")
    lawful_basis = _words(
        "Lawful basis",
        "The article of the UK GDPR the clinic relies on (art. 6, and art. 9 for health data).",
    )
    recipients = _words("Who receives it", "The people and organisations who see or get it.")
