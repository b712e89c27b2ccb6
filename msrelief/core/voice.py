"""Django's own error messages in msrelief's plain voice, naming the field.

Every msrelief form puts :class:`HouseVoice` before Django's form class
(``class AssignForm(HouseVoice, forms.Form)``; a test checks that none is missed). Each error
the form records passes through :meth:`HouseVoice.add_error`; one whose message is Django's
own default text ("This field is required.", "Enter a valid date.", "Ensure this value has at
most 200 characters (it has 250).") is replaced by a sentence that names the field: "Enter the
date of consent.", "The year of birth must be a whole number.", "The title must have at most
200 characters; this has 250." A message a form, model or service wrote itself is kept.

Django's defaults are recognised by identity, not by their text: Django raises its errors
with the very (lazy) message objects held on its field and validator classes, and a message
written in msrelief is never one of those objects. So a changed translation or a message that
happens to read the same cannot be caught by mistake.

Why here and not elsewhere: an English locale file could change Django's texts, but not name
the field, and would need compiled ``.mo`` files; setting ``default_error_messages`` at start
cannot name the field either, and misses fields built before it runs. A form that needs
better words for one field still gives them in ``error_messages``, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.forms.utils import pretty_name

__all__ = ["HouseVoice", "NamedFieldError", "noun_phrase", "reword"]

_DETERMINERS = {"a", "an", "the", "this", "that", "your", "their", "its", "our", "my"}
# A label that starts with one of these is not a noun ("From (date)", "Or paste the CSV"):
# it is quoted instead ("“From (date)” must be a real date").
_NOT_NOUNS = {"from", "to", "since", "until", "or", "and", "if", "when", "use"}

Words = Callable[[str, "forms.Field | None", Mapping[str, Any]], str]


def _is_acronym(word: str) -> bool:
    return sum(1 for char in word if char.isupper()) > 1 or any(c.isdigit() for c in word)


def noun_phrase(label: str) -> str:
    """How a sentence names the field ``label``: "Date of consent" -> "the date of consent",
    "EDSS" -> "the EDSS", "Your clinic's licence" -> "your clinic's licence", "What did you
    do?" -> "the answer to “What did you do?”", "From (date)" -> "“From (date)”"."""
    label = label.strip().rstrip(":").strip()
    if label.endswith("?"):
        return f"the answer to \u201c{label}\u201d"
    first, _, rest = label.partition(" ")
    if first.lower() in _NOT_NOUNS:
        return f"\u201c{label}\u201d"
    word = first if _is_acronym(first) else first.lower()
    phrase = f"{word} {rest}".strip()
    return phrase if first.lower() in _DETERMINERS else f"the {phrase}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(count: Any, one: str, many: str) -> str:
    return one if str(count) == "1" else many


def _required(label: str, field: forms.Field | None, params: Mapping[str, Any]) -> str:
    if isinstance(field, forms.BooleanField):
        return f"Tick the box to confirm: {label.rstrip('.')}."
    if label.strip().endswith("?"):
        return f"Answer \u201c{label.strip()}\u201d"
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return f"Choose at least one option for {noun_phrase(label)}."
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.FileField):
        return f"Choose {noun_phrase(label)}."
    return f"Enter {noun_phrase(label)}."


def _length(bound: str) -> Words:
    def words(label: str, field: forms.Field | None, params: Mapping[str, Any]) -> str:
        limit, has = params.get("limit_value"), params.get("show_value")
        unit = _plural(limit, "character", "characters")
        return f"{_cap(noun_phrase(label))} must have {bound} {limit} {unit}; this has {has}."

    return words


def _sentence(template: str) -> Words:
    """Words from a template with {noun} / {Noun} (the field) and the error's params."""

    def words(label: str, field: forms.Field | None, params: Mapping[str, Any]) -> str:
        noun = noun_phrase(label)
        return template.format(noun=noun, Noun=_cap(noun), **params)

    return words


_CHOOSE_LISTED = _sentence("Choose one of the options listed for {noun}.")
_A_NUMBER = _sentence("{Noun} must be a number, for example 3.5.")


def _django_defaults() -> list[tuple[object, Words]]:
    """(Django's message object, msrelief's words) for every default a user can meet."""
    forms_field, model_field = (
        forms.Field.default_error_messages,
        models.Field.default_error_messages,
    )
    file_field = forms.FileField.default_error_messages
    decimal = validators.DecimalValidator.messages
    return [
        (forms_field["required"], _required),
        (model_field["blank"], _required),
        (model_field["null"], _required),
        (forms.DateField.default_error_messages["invalid"],
         _sentence("{Noun} must be a real date, for example 2026-11-24.")),
        (forms.DateTimeField.default_error_messages["invalid"],
         _sentence("{Noun} must be a real date and time, for example 2026-11-24 14:30.")),
        (forms.TimeField.default_error_messages["invalid"],
         _sentence("{Noun} must be a real time, for example 14:30.")),
        (forms.IntegerField.default_error_messages["invalid"],
         _sentence("{Noun} must be a whole number.")),
        (forms.DecimalField.default_error_messages["invalid"], _A_NUMBER),
        (forms.FloatField.default_error_messages["invalid"], _A_NUMBER),
        (decimal["invalid"], _A_NUMBER),
        (decimal["max_digits"], _sentence("{Noun} can have at most {max} digits.")),
        (decimal["max_decimal_places"],
         _sentence("{Noun} can have at most {max} digits after the decimal point.")),
        (decimal["max_whole_digits"],
         _sentence("{Noun} can have at most {max} digits before the decimal point.")),
        (validators.MinValueValidator.message, _sentence("{Noun} must be {limit_value} or more.")),
        (validators.MaxValueValidator.message, _sentence("{Noun} must be {limit_value} or less.")),
        (validators.StepValueValidator.message,
         _sentence("{Noun} must be a multiple of {limit_value}.")),
        (validators.MaxLengthValidator.message, _length("at most")),
        (validators.MinLengthValidator.message, _length("at least")),
        (forms.ChoiceField.default_error_messages["invalid_choice"], _CHOOSE_LISTED),
        (forms.ModelChoiceField.default_error_messages["invalid_choice"], _CHOOSE_LISTED),
        (forms.ModelMultipleChoiceField.default_error_messages["invalid_choice"], _CHOOSE_LISTED),
        (forms.ModelMultipleChoiceField.default_error_messages["invalid_pk_value"],
         _CHOOSE_LISTED),
        (model_field["invalid_choice"], _CHOOSE_LISTED),
        (forms.MultipleChoiceField.default_error_messages["invalid_list"],
         _sentence("Choose options from the list for {noun}.")),
        (forms.ModelMultipleChoiceField.default_error_messages["invalid_list"],
         _sentence("Choose options from the list for {noun}.")),
        (validators.EmailValidator.message,
         _sentence("Enter {noun} in the right form, for example name@example.org.")),
        (validators.URLValidator.message,
         _sentence("Enter {noun} as a whole web address, for example https://example.org/.")),
        (forms.URLField.default_error_messages["invalid"],
         _sentence("Enter {noun} as a whole web address, for example https://example.org/.")),
        (validators.RegexValidator.message, _sentence("{Noun} is not in the form it needs.")),
        (validators.ProhibitNullCharactersValidator.message,
         _sentence("{Noun} holds a character that cannot be saved (a null character).")),
        (file_field["missing"], _sentence("The file for {noun} did not arrive: choose it again.")),
        (file_field["invalid"], _sentence("The file for {noun} did not arrive: choose it again.")),
        (file_field["empty"], _sentence("The file chosen for {noun} is empty.")),
        (file_field["max_length"],
         _sentence("The name of the file for {noun} must have at most {max} characters.")),
        (model_field["unique"], _unique),
    ]  # fmt: skip


def _unique(label: str, field: forms.Field | None, params: Mapping[str, Any]) -> str:
    model = str(params.get("model_name") or "record")
    model = model if _is_acronym(model.split(" ")[0]) else model[:1].lower() + model[1:]
    other = noun_phrase(str(params.get("field_label") or label)).removeprefix("the ")
    return f"Another {model} already has this {other}."


_DEFAULTS = _django_defaults()


def _words_for(message: object) -> Words | None:
    for default, words in _DEFAULTS:
        if message is default:
            return words
    return None


def _label(form: forms.BaseForm, name: str | None) -> tuple[str, forms.Field | None]:
    if name is None or name == NON_FIELD_ERRORS or name not in form.fields:
        return "", None
    field = form.fields[name]
    return (str(field.label) if field.label is not None else pretty_name(name)), field


class NamedFieldError(ValidationError):
    """An error in the house voice: its message names the field, so the error summary shows it
    without the field's label in front (``ui.summary_line``)."""


def _one(form: forms.BaseForm, name: str | None, error: ValidationError) -> ValidationError:
    words = _words_for(error.message)
    label, field = _label(form, name)
    if words is None or not label:
        return error
    text = re.sub(r"\s+", " ", words(label, field, error.params or {})).strip()
    return NamedFieldError(text, code=error.code)


def reword(form: forms.BaseForm, name: str | None, error: ValidationError) -> ValidationError:
    """``error`` with each of Django's default messages replaced by msrelief's words."""
    if hasattr(error, "error_dict"):
        return ValidationError(
            {
                field: [_one(form, field, item) for item in items]
                for field, items in error.error_dict.items()
            }
        )
    return ValidationError([_one(form, name, item) for item in error.error_list])


class HouseVoice(forms.BaseForm):
    """Put first in a form's bases: Django's default messages are reworded (:func:`reword`)."""

    def add_error(self, field: str | None, error: Any) -> None:
        if not isinstance(error, ValidationError):
            error = ValidationError(error)
        super().add_error(field, reword(self, field, error))
