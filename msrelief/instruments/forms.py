"""Django forms built from a questionnaire's items. Each answer is checked against the item's
allowed values here, so a page can name the question that is wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django import forms
from django.forms.renderers import Jinja2
from django.utils import timezone

from msrelief.core.uploads import MAX_UPLOAD_BYTES, read_upload
from msrelief.core.voice import HouseVoice
from msrelief.instruments.rendering import Item
from msrelief.lib import bounded_json
from msrelief.lib.limits import MAX_SCHEDULE_DAYS
from msrelief.scoring import default_registry

WIDGETS_IN_JINJA2 = Jinja2()
# Items whose form field is kept (every item of a few hundred questionnaire versions and wordings).
FIELDS_KEPT = 8192


def _number_error(item: Item) -> str:
    unit = f" {item.unit}" if item.unit else ""
    low = "" if item.minimum is None else f"{item.minimum:g}"
    high = "" if item.maximum is None else f"{item.maximum:g}"
    kind = "a whole number" if item.integer else "a number"
    if low and high:
        return f"Enter {kind} from {low} to {high}{unit}."
    if low:
        return f"Enter {kind} of {low}{unit} or more."
    return f"Enter {kind}."


def _rating_error(item: Item) -> str:
    assert item.minimum is not None and item.maximum is not None
    about = f" for {item.about}" if item.about else ""
    return f"Choose a number from {item.minimum:g} to {item.maximum:g}{about}."


def rating_field(item: Item) -> forms.ChoiceField:
    """A 0-10 rating as a row of radio buttons. The answer is the number itself, as a number
    box would give it, so saved answers and scores are the same either way. Its label (used
    by the error summary) is short: the message already names the scale."""
    return forms.ChoiceField(
        label=f"Question {item.number}",
        required=False,
        choices=[(value, value) for value in item.rating_values],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _rating_error(item)},
    )


def field_for(item: Item) -> forms.Field:
    label = f"{item.number}. {item.text}"
    if item.is_rating:
        return rating_field(item)
    if item.options:
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[(o.value, o.label) for o in item.options],
            widget=forms.RadioSelect,
            error_messages={
                "invalid_choice": "Choose one of the answers: "
                + ", ".join(o.label for o in item.options)
            },
        )
    message = _number_error(item)
    attrs: dict[str, Any] = {"inputmode": "numeric" if item.integer else "decimal"}
    common: dict[str, Any] = {
        "label": label,
        "required": False,
        "min_value": None if item.minimum is None else Decimal(str(item.minimum)),
        "max_value": None if item.maximum is None else Decimal(str(item.maximum)),
        "help_text": f"In {item.unit}." if item.unit else "",
        "widget": forms.TextInput(attrs=attrs),
        "error_messages": {"invalid": message, "min_value": message, "max_value": message},
    }
    return forms.IntegerField(**common) if item.integer else forms.DecimalField(**common)


class ItemsForm(HouseVoice, forms.Form):
    """A form with one field per item given (one item for one-per-page, all of them otherwise).

    Its widgets (dozens of radio buttons on the all-on-one-page layout) are drawn with Django's
    own widget templates in their Jinja2 form: the same markup (only the white space inside it
    differs, which a browser folds), in about 60 % of the time. Other forms keep the default
    renderer (the admin's widgets exist only as Django templates)."""

    default_renderer = WIDGETS_IN_JINJA2

    def __init__(self, items: tuple[Item, ...], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[item.field_name] = shared_field(item)


@lru_cache(maxsize=FIELDS_KEPT)
def shared_field(item: Item) -> forms.Field:
    """The field for ``item``, built once per process and shared by every :class:`ItemsForm`
    (a Django form would deep-copy fields declared on its class for each instance, and building
    one, its choices and widget, was a good part of a questionnaire page). Nothing changes a
    field while a form checks or draws it: its value, errors and widget attributes live on the
    form and its bound fields. So an ItemsForm's fields must never be changed in place; a test
    (test_items_form_shared_fields.py) holds them unchanged through checking and drawing every
    instrument. Keyed on the item itself (a frozen dataclass): new wording is a new item, so a
    new field."""
    return field_for(item)


def initial_from_draft(draft: dict[str, float], items: tuple[Item, ...]) -> dict[str, str]:
    initial = {}
    for item in items:
        if item.link_id in draft:
            value = float(draft[item.link_id])
            initial[item.field_name] = str(int(value)) if value.is_integer() else str(value)
    return initial


class AssignForm(HouseVoice, forms.Form):
    instrument = forms.ChoiceField(label="Questionnaire")
    available_from = forms.DateField(
        label="Available from",
        required=False,
        help_text="Leave empty to make it available today.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    email_client = forms.BooleanField(label="Email the link to the client", required=False)

    def __init__(self, choices: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument_choices = choices
        field = self.fields["instrument"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a questionnaire"), *choices]

    def clean_available_from(self) -> dt.date | None:
        """At most :data:`~msrelief.lib.limits.MAX_SCHEDULE_DAYS` ahead: a link's expiry is
        counted from this date, and a far-off date (9999-12-31) would overflow it."""
        start: dt.date | None = self.cleaned_data.get("available_from")
        latest = timezone.localdate() + dt.timedelta(days=MAX_SCHEDULE_DAYS)
        if start is not None and start > latest:
            raise forms.ValidationError(
                f"The start date can be at most {MAX_SCHEDULE_DAYS} days from today, "
                f"{latest.day} {latest:%B %Y} at the latest."
            )
        return start


class ReasonForm(HouseVoice, forms.Form):
    reason = forms.CharField(
        label="Why are the answers being corrected?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class AcknowledgeForm(HouseVoice, forms.Form):
    note = forms.CharField(
        label="What did you do?",
        help_text="For example: phoned the client, who has support from their GP.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ResolveForm(HouseVoice, forms.Form):
    note = forms.CharField(
        label="How was the concern dealt with?",
        help_text="For example: seen with her GP, who has put a safety plan in place.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class CompletedOnForm(HouseVoice, forms.Form):
    completed_on = forms.DateField(
        label="Date completed",
        required=False,
        help_text="Leave empty for today. For a paper form filled in earlier, give its date.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def scoring_only_choices() -> list[tuple[str, str]]:
    """Self-report instruments whose item text msrelief may not ship (a clinic imports it)."""
    return [
        (code, f"{d.title} ({code})")
        for code, d in sorted(default_registry().latest.items(), key=lambda pair: pair[1].title)
        if d.licence.item_text == "none" and d.spec.administration == "self-report"
    ]


class WordingImportForm(HouseVoice, forms.Form):
    """A clinic admin's licensed wording: a FHIR R4 Questionnaire as a file or pasted JSON."""

    instrument = forms.ChoiceField(label="Questionnaire")
    questionnaire_file = forms.FileField(
        label="FHIR Questionnaire file (JSON)",
        required=False,
        help_text="Start from the structure file of the questionnaire (below) and put your "
        "licensed wording in each item's text.",
    )
    questionnaire_text = forms.CharField(
        label="Or paste the JSON",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        max_length=MAX_UPLOAD_BYTES,
    )
    licence_note = forms.CharField(
        label="Your clinic's licence",
        help_text="Who granted it, and its reference, for example: Mapi Research Trust "
        "licence 2026-0042.",
        max_length=500,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instrument = self.fields["instrument"]
        assert isinstance(instrument, forms.ChoiceField)
        instrument.choices = scoring_only_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            text = read_upload(
                data.get("questionnaire_file"), data.get("questionnaire_text") or "", "JSON"
            )
        except forms.ValidationError as error:
            self.add_error("questionnaire_file", error)
            return data
        try:
            data["questionnaire"] = bounded_json.loads(text)
        except bounded_json.JsonInputError as error:
            self.add_error(self.questionnaire_field, f"This cannot be used: {error}.")
        return data

    @property
    def questionnaire_field(self) -> str:
        """The field the questionnaire came in, for errors about its content."""
        if self.cleaned_data.get("questionnaire_file") is not None:
            return "questionnaire_file"
        return "questionnaire_text"
