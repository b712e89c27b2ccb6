"""What a questionnaire page shows: each item's wording and its allowed answers, taken from the
definition's FHIR Questionnaire, or from the clinic's own licensed wording where it imported one;
the instrument's instructions, its recall period in plain words and its credit line; the stem
(lead) an instrument repeats with some items; and, for a 0-10 rating, its two anchors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup
from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.scoring.definition import Definition
from msrelief.scoring.models import AnswerScale
from msrelief.scoring.questionnaire import ordinal_values
from msrelief.scoring.registry import get_definition

MAX_RATING_STEPS = 10
# Built forms kept per process (a few per instrument version and clinic wording).
FORMS_KEPT = 256


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
    lead: str | None = None  # the stem shown above this item, if the instrument repeats one
    lead_from: int | None = None  # the number of the first item of the run sharing this lead
    anchors: tuple[str, str] | None = None  # what the lowest and highest rating mean
    about: str | None = None  # what a rating is of ("pain"), for its error message

    @property
    def field_name(self) -> str:
        return f"item_{self.link_id}"

    @property
    def lead_starts(self) -> bool:
        return self.lead_from == self.number

    @property
    def lead_id(self) -> str:
        """The id of the lead line shown once above its run of items (all on one page)."""
        return f"lead-{self.lead_from}" if self.lead_from is not None else ""

    @property
    def is_rating(self) -> bool:
        """A whole-number scale of at most 11 points without a unit (0-10): a row of choices."""
        if self.options or not self.integer or self.unit or None in (self.minimum, self.maximum):
            return False
        assert self.minimum is not None and self.maximum is not None
        low, high = self.minimum, self.maximum
        return low.is_integer() and high.is_integer() and 1 <= high - low <= MAX_RATING_STEPS

    @property
    def rating_values(self) -> tuple[str, ...]:
        if not self.is_rating:
            return ()
        assert self.minimum is not None and self.maximum is not None
        return tuple(str(n) for n in range(int(self.minimum), int(self.maximum) + 1))

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
    recall_phrase: str | None = None  # completes "These questions are about ..."
    credit: str | None = None  # the rights holder's attribution, shown with the questions


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _anchors(scale: AnswerScale) -> tuple[str, str] | None:
    labels = scale.labels or {}
    if scale.values is not None or scale.min is None or scale.max is None:
        return None
    low, high = labels.get(_format(scale.min)), labels.get(_format(scale.max))
    return (low, high) if low and high else None


def _lead_from(number: int, lead: str | None, previous: Item | None) -> int | None:
    if lead is None:
        return None
    if previous is not None and previous.lead == lead and previous.lead_from is not None:
        return previous.lead_from
    return number


def _item(
    position: int, fhir_item: dict[str, Any], definition: Definition, previous: Item | None
) -> Item:
    spec = definition.spec.scoring.items[position]
    scale = definition.spec.scoring.answer_scales[spec.scale]
    lead = definition.item_leads.get(spec.link_id)
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
        lead=lead,
        lead_from=_lead_from(position + 1, lead, previous),
        anchors=_anchors(scale),
        about=scale.about,
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


# The instrument versions a clinic has loaded its own wording for; the Measures page asks when
# its cached part is drawn, so the query is compiled once per connection (core/prepared.py).
_IMPORTED = PreparedLookup(
    ClinicQuestionnaire,
    lambda clinic_id: ClinicQuestionnaire.objects.filter(clinic_id=clinic_id).only(
        "instrument_code", "instrument_version"
    ),
    marker=INTEGER_MARKER,
)


def showable(clinic_id: int, definitions: Iterable[Definition]) -> list[Definition]:
    """The ``definitions`` whose questions a client of this clinic can be shown, in one query
    (:func:`can_be_shown` for many instruments at once)."""
    imported = {(row.instrument_code, row.instrument_version) for row in _IMPORTED.rows(clinic_id)}
    return [d for d in definitions if d.item_text_available or (d.code, d.version) in imported]


def build_form(code: str, version: str, clinic_id: int) -> Form:
    definition = get_definition(code, version)
    return _form_from(definition, clinic_text(clinic_id, definition))


def form_for(code: str, version: str, clinic_id: int) -> Form:
    """:func:`build_form`, built once per process for each instrument version and clinic
    wording. Only an instrument that ships no wording can have a clinic's own (the wording
    service refuses any other), so a page asks the database only for those, and then only when
    the wording was imported: each import stamps a new time, and the form is kept under it."""
    definition = get_definition(code, version)
    if definition.licence.item_text != "none":
        return _cached_form(_Same(definition), None, None)
    imported_at = (
        ClinicQuestionnaire.objects.filter(
            clinic_id=clinic_id, instrument_code=code, instrument_version=version
        )
        .values_list("imported_at", flat=True)
        .first()
    )
    return _cached_form(_Same(definition), clinic_id if imported_at else None, imported_at)


@dataclass(frozen=True, eq=False)
class _Same:
    """A definition as a cache key by identity: a reloaded registry is a new key (and the kept
    form holds its definition, so the identity is not reused while it is kept)."""

    definition: Definition

    def __hash__(self) -> int:
        return id(self.definition)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.definition is self.definition


@lru_cache(maxsize=FORMS_KEPT)
def _cached_form(same: _Same, clinic_id: int | None, imported_at: dt.datetime | None) -> Form:
    definition = same.definition
    imported = None
    if clinic_id is not None:
        # The wording as it is now: if it was replaced since ``imported_at`` was read, this
        # newer text is kept under the older time, which no later page asks for.
        imported = clinic_text(clinic_id, definition)
    return _form_from(definition, imported)


def _form_from(definition: Definition, imported: dict[str, Any] | None) -> Form:
    questionnaire = imported or definition.questionnaire
    items: list[Item] = []
    for position, fhir_item in enumerate(questionnaire.get("item", [])):
        items.append(_item(position, fhir_item, definition, items[-1] if items else None))
    instructions = definition.instructions
    if imported is not None and isinstance(imported.get("description"), str):
        instructions = imported["description"].strip() or instructions
    return Form(
        definition,
        definition.title,
        instructions,
        tuple(items),
        recall_phrase=definition.spec.recall_phrase,
        credit=definition.licence.attribution,
    )
