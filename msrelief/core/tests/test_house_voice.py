"""Django's default form messages come out in msrelief's words, naming the field
(msrelief.core.voice); messages that msrelief wrote itself are left alone."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django import forms

import msrelief
from msrelief.accounts.forms import LoginForm
from msrelief.clients.forms import ClientForm, NewClientForm
from msrelief.core.templatetags.ui import summary_line
from msrelief.core.voice import HouseVoice, noun_phrase
from msrelief.instruments.forms import AssignForm, CompletedOnForm, ReasonForm


def errors(form: forms.BaseForm, name: str) -> list[str]:
    assert not form.is_valid()
    return list(form.errors[name])


@pytest.mark.parametrize(
    ("label", "phrase"),
    [
        ("Date of consent", "the date of consent"),
        ("Name or initials", "the name or initials"),
        ("EDSS", "the EDSS"),
        ("FHIR Questionnaire file (JSON)", "the FHIR Questionnaire file (JSON)"),
        ("95% CI, lower limit", "the 95% CI, lower limit"),
        ("Your clinic's licence", "your clinic's licence"),
        ("What did you do?", "the answer to \u201cWhat did you do?\u201d"),
        ("From (date)", "\u201cFrom (date)\u201d"),
        ("Or paste the CSV", "\u201cOr paste the CSV\u201d"),
    ],
)
def test_a_label_becomes_the_noun_a_sentence_names_the_field_by(label, phrase):
    assert noun_phrase(label) == phrase


def test_a_missing_choice_asks_to_choose_the_field_by_name():
    form = AssignForm([("phq9", "PHQ-9")], {"instrument": ""})
    assert errors(form, "instrument") == ["Choose the questionnaire."]


def test_a_choice_not_offered_is_refused_naming_the_field():
    form = AssignForm([("phq9", "PHQ-9")], {"instrument": "nope"})
    assert errors(form, "instrument") == ["Choose one of the options listed for the questionnaire."]


def test_an_impossible_date_names_the_field_and_shows_the_form_a_date_takes():
    form = CompletedOnForm({"completed_on": "2026-02-31"})
    assert errors(form, "completed_on") == [
        "The date completed must be a real date, for example 2026-11-24."
    ]


def test_a_missing_answer_to_a_question_label_asks_for_the_answer():
    form = ReasonForm({"reason": ""})
    assert errors(form, "reason") == ["Answer \u201cWhy are the answers being corrected?\u201d"]


def test_too_long_a_text_says_the_limit_and_how_long_it_is():
    form = ReasonForm({"reason": "x" * 1001})
    assert errors(form, "reason") == [
        "The answer to \u201cWhy are the answers being corrected?\u201d must have at most 1000 "
        "characters; this has 1001."
    ]


def client_form(user, **fields):
    data = {"display_name": "Robin", "phenotype": "RRMS", "sex": "not_stated"}
    data["therapist"] = str(user.pk)
    return ClientForm({**data, **fields}, user=user)


def test_model_form_messages_name_the_field_too(therapist):
    form = client_form(therapist, year_of_birth="nineteen", email="robin-at-home")
    assert errors(form, "year_of_birth") == ["The year of birth must be a whole number."]
    assert errors(form, "email") == [
        "Enter the email address in the right form, for example name@example.org."
    ]
    assert errors(client_form(therapist, display_name=""), "display_name") == [
        "Enter the name or initials."
    ]


def test_the_models_own_range_checks_are_reworded_after_the_form_checks(therapist):
    form = client_form(therapist, edss="10.5")
    assert "The EDSS must be 10 or less." in errors(form, "edss")


def test_a_therapist_not_on_the_list_is_refused_naming_the_field(therapist, outsider):
    form = client_form(therapist, therapist=str(outsider.pk))
    assert errors(form, "therapist") == [
        "Choose one of the options listed for the responsible therapist."
    ]


def test_a_message_msrelief_wrote_itself_is_kept(therapist):
    form = NewClientForm(
        {"display_name": "Robin", "therapist": therapist.pk, "consented_on": "2026-01-05"},
        user=therapist,
    )
    assert errors(form, "consent_given") == [
        "Record the client's consent before saving their details."
    ]
    login = LoginForm(data={"username": "a" * 300 + "@x.test", "password": "x"})
    assert errors(login, "username") == ["An email address has at most 254 characters."]


def _form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(msrelief.__path__, "msrelief."):
        parts = module.name.split(".")
        if not {"tests", "migrations", "management", "testing"} & set(parts):
            importlib.import_module(module.name)
    found: set[type[forms.BaseForm]] = set()
    todo = list(forms.BaseForm.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("msrelief.") and ".tests." not in cls.__module__:
            found.add(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_every_msrelief_form_speaks_in_the_house_voice():
    classes = [cls for cls in _form_classes() if cls is not HouseVoice]
    assert len(classes) >= 20
    missing = sorted(
        f"{c.__module__}.{c.__qualname__}" for c in classes if not issubclass(c, HouseVoice)
    )
    assert missing == [], "put HouseVoice first in these forms' bases"


def test_the_error_summary_names_the_field_only_when_the_message_does_not(therapist):
    form = client_form(therapist, display_name="", edss="3.3")
    assert not form.is_valid()
    house, own = form.errors.as_data()["display_name"][0], form.errors.as_data()["edss"][0]
    assert summary_line(house, "Name or initials") == "Enter the name or initials."
    assert summary_line(own, "EDSS").startswith("EDSS: EDSS goes in steps of 0.5")
