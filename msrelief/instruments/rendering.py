"""What a questionnaire page shows: each item's wording and its allowed answers, taken from the
definition's FHIR Questionnaire, or from the clinic's own licensed wording where it imported one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.scoring.definition import Definition
from msrelief.scoring.questionnaire import ordinal_values
from msrelief.scoring.registry import get_definition


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Item:
    number: int  # 1-based position in the questionnaire
    link_id: str
    text: str
    options: tuple[Option, ...]  # empty for a number entered by hand
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    unit: str | None = None

    @property
    def field_name(self) -> str:
        return f"item_{self.link_id}"

    def label_for(self, value: float | None) -> str:
        if value is None:
            return "Not answered"
        for option in self.options:
            if float(option.value) == value:
                return option.label
        shown = int(value) if float(value).is_integer() else value
        return f"{shown} {self.unit}" if self.unit else str(shown)


@dataclass(frozen=True)
class Form:
    definition: Definition
    title: str
    instructions: str | None
    items: tuple[Item, ...]


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _item(position: int, fhir_item: dict[str, Any], definition: Definition) -> Item:
    spec = definition.spec.scoring.items[position]
    scale = definition.spec.scoring.answer_scales[spec.scale]
    options: list[Option] = []
    for option, value in zip(
        fhir_item.get("answerOption", []), ordinal_values(fhir_item), strict=False
    ):
        display = option.get("valueCoding", {}).get("display") or _format(value)
        options.append(Option(_format(value), display))
    return Item(
        number=position + 1,
        link_id=spec.link_id,
        text=fhir_item.get("text") or f"Item {spec.link_id}",
        options=tuple(options),
        minimum=scale.min,
        maximum=scale.max,
        integer=scale.integer,
        unit=scale.unit,
    )


def clinic_text(clinic_id: int, definition: Definition) -> dict[str, Any] | None:
    found = ClinicQuestionnaire.objects.filter(
        clinic_id=clinic_id,
        instrument_code=definition.code,
        instrument_version=definition.version,
    ).first()
    return found.questionnaire if found else None


def can_be_shown(clinic_id: int, definition: Definition) -> bool:
    """True if a client can be shown this instrument's questions in this clinic."""
    return definition.item_text_available or clinic_text(clinic_id, definition) is not None


def showable(clinic_id: int, definitions: Iterable[Definition]) -> list[Definition]:
    """The ``definitions`` whose questions a client of this clinic can be shown, in one query
    (:func:`can_be_shown` for many instruments at once)."""
    imported = set(
        ClinicQuestionnaire.objects.filter(clinic_id=clinic_id).values_list(
            "instrument_code", "instrument_version"
        )
    )
    return [d for d in definitions if d.item_text_available or (d.code, d.version) in imported]


def build_form(code: str, version: str, clinic_id: int) -> Form:
    definition = get_definition(code, version)
    questionnaire = clinic_text(clinic_id, definition) or definition.questionnaire
    items = tuple(
        _item(position, fhir_item, definition)
        for position, fhir_item in enumerate(questionnaire.get("item", []))
    )
    return Form(definition, definition.title, definition.spec.instructions, items)
