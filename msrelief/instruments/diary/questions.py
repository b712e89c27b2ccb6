"""The diary's five questions: msrelief's own NRS instruments, with their own wording and
anchors (from each definition's questionnaire, or a clinic's imported text for it), and the
form that takes the five answers, each optional."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from msrelief.core.voice import HouseVoice
from msrelief.instruments import rendering
from msrelief.instruments.forms import WIDGETS_IN_JINJA2, rating_field
from msrelief.scoring import get_definition

# (field name, instrument code, column heading), in the order the page asks them.
SYMPTOMS: tuple[tuple[str, str, str], ...] = (
    ("fatigue", "nrs-fatigue", "Fatigue"),
    ("pain", "nrs-pain", "Pain"),
    ("sleep", "nrs-sleep", "Sleep quality"),
    ("stress", "nrs-stress", "Stress"),
    ("stiffness", "nrs-stiffness", "Stiffness"),
)
CODES = tuple(code for _, code, _ in SYMPTOMS)
FIELD_OF = {code: name for name, code, _ in SYMPTOMS}
HEADING_OF = {code: heading for _, code, heading in SYMPTOMS}


@dataclass(frozen=True)
class Question:
    name: str  # the form field
    code: str  # the instrument
    heading: str
    item: rendering.Item  # the instrument's one item: its wording, anchors and 0-10 values


def questions(clinic_id: int) -> tuple[Question, ...]:
    found = []
    for name, code, heading in SYMPTOMS:
        form = rendering.build_form(code, get_definition(code).version, clinic_id)
        (item,) = form.items
        found.append(Question(name, code, heading, item))
    return tuple(found)


class DiaryForm(HouseVoice, forms.Form):
    """Five rating rows, any of them left blank; the answers are the numbers themselves."""

    default_renderer = WIDGETS_IN_JINJA2

    def __init__(self, asked: tuple[Question, ...], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked = asked
        for question in asked:
            field = rating_field(question.item)
            field.label = question.heading
            self.fields[question.name] = field

    def answers(self) -> dict[str, float | None]:
        """Instrument code to the rating chosen, or None where the question was left blank."""
        chosen: dict[str, str] = {q.code: self.cleaned_data.get(q.name) or "" for q in self.asked}
        return {code: float(value) if value else None for code, value in chosen.items()}
