"""Forms parse and check what a person typed; the services decide and save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients import consent, permissions
from msrelief.clients.models import Client, Phenotype, ReminderChannel
from msrelief.core.voice import HouseVoice


class ClientForm(HouseVoice, forms.ModelForm[Client]):
    class Meta:
        model = Client
        fields = [
            "display_name",
            "year_of_birth",
            "sex",
            "phenotype",
            "diagnosis_year",
            "edss",
            "email",
            "reminders",
            "time_zone",
            "therapist",
            "notes",
        ]
        labels = {
            "display_name": "Name or initials",
            "year_of_birth": "Year of birth",
            "phenotype": "Type of MS",
            "diagnosis_year": "Year of diagnosis",
            "therapist": "Responsible therapist",
            "email": "Email address",
            "reminders": "Reminders",
            "time_zone": "Time zone",
        }
        help_texts = {
            "year_of_birth": "For example 1978.",
            "diagnosis_year": "For example 2015. Leave empty if not known.",
            "time_zone": "For example Europe/London. Leave empty for the clinic's time zone: "
            "reminders are never sent at night there.",
        }
        widgets = {
            "year_of_birth": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "diagnosis_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "edss": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "10"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("instance", Client(clinic=user.clinic))
        super().__init__(*args, **kwargs)
        # A form sent without the choice (an older page, a script) keeps what was chosen.
        self.fields["reminders"].required = False
        therapist = self.fields["therapist"]
        assert isinstance(therapist, forms.ModelChoiceField)
        therapist.queryset = permissions.staff_of(user)
        therapist.empty_label = None
        if not self.instance.pk and not self.initial.get("therapist"):
            # The unsaved instance gives the form an initial "therapist" of None, which a
            # select shows as its first option (the first colleague by name); the person adding
            # the client is the one who should get their safety alerts.
            self.initial["therapist"] = user.pk

    def clean_reminders(self) -> str:
        chosen = self.cleaned_data.get("reminders")
        return str(chosen or self.instance.reminders or ReminderChannel.EMAIL)


class NewClientForm(ClientForm):
    """Adding a client also records their consent, which is required."""

    consent_given = forms.BooleanField(
        label="The client has read and agreed to the consent text above",
        error_messages={"required": "Record the client's consent before saving their details."},
    )
    consented_on = forms.DateField(
        label="Date of consent",
        help_text="For example 2026-11-24.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    consent_version = consent.CURRENT_VERSION

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("consented_on", timezone.localdate())

    def clean_consented_on(self) -> Any:
        value = self.cleaned_data["consented_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date of consent cannot be in the future.")
        return value


class ClientFilterForm(HouseVoice, forms.Form):
    q = forms.CharField(required=False, label="Search by name", max_length=100)
    phenotype = forms.ChoiceField(
        required=False, label="Type of MS", choices=[("", "All types"), *Phenotype.choices]
    )
