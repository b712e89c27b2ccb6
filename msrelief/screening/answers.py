"""Today's answers to the pre-session screen, checked (docs/screening.md lists every key).

The answers are one JSON object. Only ``date`` (the day of the session) is required; a key left
out means "no" (a flag), "none" (a list) or "not known" (a date or number), and is reported
back as unanswered. Types are strict: a flag is ``true`` or ``false``, never ``1`` or
``"yes"``; a date is ``YYYY-MM-DD``; an unknown key is refused, so that a misspelt question can
never pass for a "no". :func:`parse_answers` raises :class:`AnswersError` naming each field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic import ValidationError as PydanticError

from msrelief.screening.errors import AnswersError

#: The most entries a list answer (body areas, injection sites) may hold, and the longest entry.
MAX_LIST_ITEMS = 30
MAX_AREA_LENGTH = 100

InfusionDrug = Literal["ocrelizumab", "natalizumab", "alemtuzumab", "other"]
Session = Literal["massage", "physiotherapy"]
Area = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_AREA_LENGTH)
]
Areas = Annotated[tuple[Area, ...], Field(max_length=MAX_LIST_ITEMS)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Infusion(_Strict):
    """The client's last MS drug infusion: which drug, and on which day."""

    drug: InfusionDrug
    date: dt.date


class Answers(_Strict):
    """One screen's answers: the client's dated history and how they are today."""

    date: dt.date
    session: Session = "massage"
    # Emergencies (999)
    chest_pain_or_breathless: bool = False
    stroke_signs: bool = False
    sudden_severe_headache: bool = False
    suicidal_immediate_danger: bool = False
    collapse_or_severe_reaction: bool = False
    # Urgent, the same day
    dvt_signs: bool = False
    new_bladder_bowel_or_saddle_change: bool = False
    suicidal_thoughts: bool = False
    baclofen_pump_problem: bool = False
    ms_drug_reaction: bool = False
    vision_loss_or_eye_pain: bool = False
    pregnancy_warning_signs: bool = False
    # The MS team, the GP; and what defers a session
    new_or_worse_symptoms_over_24h: bool = False
    heat_symptoms_over_24h: bool = False
    infection_signs: bool = False
    fever_or_infection: bool = False
    temperature_c: float | None = Field(default=None, ge=30, le=45)
    in_relapse: bool = False
    relapse_onset: dt.date | None = None
    steroids_end: dt.date | None = None
    last_infusion: Infusion | None = None
    overheated_now: bool = False
    # What adapts a session
    skin_breakdown: bool = False
    heat_sensitive: bool = False
    sensory_loss_areas: Areas = ()
    spasticity: bool = False
    falls_last_year: int | None = Field(default=None, ge=0, le=1000)
    unsteady: bool = False
    orthostatic_dizziness: bool = False
    bladder_urgency: bool = False
    catheter: bool = False
    thin_bones: bool = False
    anticoagulant: bool = False
    bruises_easily: bool = False
    injection_sites: Areas = ()
    injection_site_skin_changes: bool = False
    baclofen_pump: bool = False
    pregnant_weeks: int | None = Field(default=None, ge=0, le=45)
    gave_birth_on: dt.date | None = None
    lhermitte: bool = False
    fatigue_much_worse: bool = False
    cognitive_or_communication_difficulty: bool = False

    def value(self, path: str) -> Any:
        """The value at a dotted path (``last_infusion.drug``); None if a parent is absent."""
        value: Any = self
        for part in path.split("."):
            if value is None:
                return None
            value = getattr(value, part)
        return value

    def days_since(self, path: str) -> int | None:
        """Whole days from the date at ``path`` to the screen's ``date`` (negative if later)."""
        then = self.value(path)
        return None if then is None else (self.date - then).days


#: Date answers that cannot lie after the day of the screen (a steroid course can: it may
#: still be running).
NOT_AFTER_THE_SCREEN = ("relapse_onset", "last_infusion.date", "gave_birth_on")


@dataclass(frozen=True, slots=True)
class KeyKind:
    """What a trigger may test on an answer key: ``bool``, ``date``, ``number``, ``list`` or
    ``choice`` (with its ``choices``)."""

    kind: str
    choices: tuple[str, ...] = ()


def _kind_of(annotation: Any) -> KeyKind:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is Literal:
        return KeyKind("choice", tuple(str(a) for a in typing.get_args(annotation)))
    if typing.get_origin(annotation) is tuple:
        return KeyKind("list")
    simple = {bool: "bool", dt.date: "date", int: "number", float: "number"}
    return KeyKind(simple[annotation])


def _key_kinds() -> dict[str, KeyKind]:
    kinds: dict[str, KeyKind] = {}
    for name, field in Answers.model_fields.items():
        if field.annotation == (Infusion | None):
            for part, sub in Infusion.model_fields.items():
                kinds[f"{name}.{part}"] = _kind_of(sub.annotation)
            continue
        kinds[name] = _kind_of(field.annotation)
    return kinds


#: Every answer key a trigger can test (``last_infusion`` as its two parts), with its kind.
KEY_KINDS: Mapping[str, KeyKind] = _key_kinds()

#: The top-level answer keys, in the order of the model (and of docs/screening.md).
ANSWER_KEYS: tuple[str, ...] = tuple(Answers.model_fields)


def parse_answers(raw: object) -> Answers:
    """Check raw JSON answers (an object) and return them typed, or raise AnswersError."""
    if isinstance(raw, Answers):
        return raw
    if not isinstance(raw, Mapping):
        raise AnswersError.one(
            "answers", f"must be a JSON object of answers by key, not {_json_type(raw)}"
        )
    try:
        answers = Answers.model_validate_json(json.dumps(raw, default=_iso_date))
    except PydanticError as error:
        raise AnswersError([_problem(e) for e in error.errors()]) from None
    later = [
        (path, f"must not be after date ({answers.date.isoformat()})")
        for path in NOT_AFTER_THE_SCREEN
        if (answers.days_since(path) or 0) < 0
    ]
    if later:
        raise AnswersError(later)
    return answers


def given_keys(raw: Mapping[str, Any]) -> set[str]:
    """The top-level keys that carry a value (``null`` counts as not given)."""
    return {key for key, value in raw.items() if value is not None}


def _iso_date(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _json_type(value: object) -> str:
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return "null" if value is None else type(value).__name__


_PLAIN = {
    "missing": "is required",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "date_type": "must be a date written YYYY-MM-DD",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "tuple_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
}


def _problem(error: Mapping[str, Any]) -> tuple[str, str]:
    field = _path(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return field, _unknown_key(field)
    if kind == "date_parsing":
        return field, f"must be a date written YYYY-MM-DD ({ctx.get('error', 'not a date')})"
    if kind == "literal_error":
        return field, f"must be one of {ctx.get('expected')}"
    if kind in ("greater_than_equal", "less_than_equal"):
        word = "at least" if kind == "greater_than_equal" else "at most"
        limit = ctx.get("ge", ctx.get("le"))
        shown = f"{limit:g}" if isinstance(limit, int | float) else str(limit)
        return field, f"must be {word} {shown}"
    if kind == "string_too_long":
        return field, f"must be at most {ctx.get('max_length')} characters"
    if kind == "too_long":
        return field, f"may hold at most {ctx.get('max_length')} entries"
    if kind == "missing" and field == "date":
        return field, "is required: the day of the session, written YYYY-MM-DD"
    return field, _PLAIN.get(kind, str(error["msg"]))


def _path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "answers"


def _unknown_key(field: str) -> str:
    parent, _, name = field.rpartition(".")
    known = list(Infusion.model_fields) if parent else list(ANSWER_KEYS)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"is not a question of the screen{hint}; docs/screening.md lists the keys"
