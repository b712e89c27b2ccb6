"""The rule file (``rules/ms-screen-1.json``): its shape as pydantic models, and its loader.

The models check types and required fields; :func:`load_ruleset` then checks what relates one
part of the file to another (every adaptation, message and citation a rule names exists, a
REFER has its urgency, a threshold says where it comes from), so that each error names the rule
and the field. docs/screening.md describes every field.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic import ValidationError as PydanticError

from msrelief.screening import conditions
from msrelief.screening.answers import KEY_KINDS
from msrelief.screening.errors import RulesetError

RULES_DIR = Path(__file__).resolve().parent / "rules"
#: The rule file the screen uses.
DEFAULT_RULES = RULES_DIR / "ms-screen-1.json"

Outcome = Literal["GO", "ADAPT", "DEFER", "REFER"]
Urgency = Literal["emergency_999", "urgent_same_day", "ms_team"]
Grade = Literal["A", "B", "C", "D"]
Text = Annotated[str, StringConstraints(min_length=1)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]

#: A threshold without a source must say so in these words, so every screen can show it.
UNSOURCED = "No published threshold; msrelief's choice"


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class AdaptationSpec(_Spec):
    label: Text
    where: str | None = None  # a list answer whose entries the adaptation applies to


class MessageSpec(_Spec):
    text: Text
    sources: tuple[Key, ...]


class RuleSpec(_Spec):
    id: Annotated[str, StringConstraints(pattern=r"^R\d{2}[a-z]?$")]
    title: Text
    trigger: dict[str, Any]
    outcome: Outcome
    urgency: Urgency | None
    adaptations: tuple[Key, ...]
    messages: tuple[Key, ...]
    reason: Text
    citations: Annotated[tuple[Key, ...], Field(min_length=1)]
    grade: Grade
    grade_note: Text | None
    threshold_source: tuple[Key, ...] | None
    threshold_note: Text | None


class RulesetSpec(_Spec):
    format: Literal[1]
    ruleset_version: Text
    clinical_review: Text
    about: Text
    sources: dict[str, Key]
    adaptations: dict[Key, AdaptationSpec]
    standing_precautions: tuple[Key, ...]
    messages: dict[Key, MessageSpec]
    rules: Annotated[tuple[RuleSpec, ...], Field(min_length=1)]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the screen: its spec (as in the file) and its parsed trigger."""

    spec: RuleSpec
    trigger: conditions.Condition

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def is_fallback(self) -> bool:
        """A GO rule, which fires only when no other rule did (``otherwise``)."""
        return any(isinstance(c, conditions.Otherwise) for c in conditions.walk(self.trigger))


@dataclass(frozen=True, slots=True)
class Ruleset:
    """A checked rule file."""

    file: str
    spec: RulesetSpec
    rules: tuple[Rule, ...]

    @property
    def version(self) -> str:
        return self.spec.ruleset_version

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def citation_keys(self) -> set[str]:
        """Every reference key the file may cite: those of its ``sources``."""
        return set(self.spec.sources.values())


@functools.cache
def default_ruleset() -> Ruleset:
    """The packaged rule file, read and checked once per process."""
    return load_ruleset(DEFAULT_RULES)


def load_ruleset(path: Path | str) -> Ruleset:
    """Read and check a rule file, or raise :class:`RulesetError` naming rule and field."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RulesetError(path.name, None, None, f"cannot be read ({error.strerror})") from None
    except json.JSONDecodeError as error:
        problem = f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        raise RulesetError(path.name, None, None, problem) from None
    return ruleset_from_json(raw, path.name)


def ruleset_from_json(raw: Any, file: str) -> Ruleset:
    """Check a rule file's parsed JSON (``file`` names it in errors)."""
    try:
        spec = RulesetSpec.model_validate_json(json.dumps(raw))
    except PydanticError as error:
        first = error.errors()[0]
        where, field = _locate(first["loc"], raw)
        raise RulesetError(file, where, field, str(first["msg"])) from None
    rules = tuple(_rule(rule, spec, file) for rule in spec.rules)
    _check_file(spec, file)
    return Ruleset(file=file, spec=spec, rules=rules)


def _locate(loc: tuple[int | str, ...], raw: Any) -> tuple[str | None, str]:
    """Turn a pydantic location into (``rule R04``, ``outcome``) for a message."""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = raw.get("rules") if isinstance(raw, Mapping) else None
        entry = rules[loc[1]] if isinstance(rules, list) and loc[1] < len(rules) else None
        rule_id = entry.get("id") if isinstance(entry, Mapping) else None
        where = f"rule {rule_id}" if isinstance(rule_id, str) else f"rules[{loc[1]}]"
        return where, ".".join(str(part) for part in loc[2:]) or "(the rule)"
    return None, ".".join(str(part) for part in loc)


def _rule(spec: RuleSpec, file_spec: RulesetSpec, file: str) -> Rule:
    where = f"rule {spec.id}"

    def fail(field: str, problem: str) -> RulesetError:
        return RulesetError(file, where, field, problem)

    try:
        trigger = conditions.parse(spec.trigger)
    except conditions.TriggerError as error:
        raise fail(error.path, error.problem) from None
    if (spec.outcome == "REFER") != (spec.urgency is not None):
        raise fail("urgency", "is required for a REFER, and only for a REFER")
    for name, known, field in (
        ("adaptation", file_spec.adaptations, "adaptations"),
        ("message", file_spec.messages, "messages"),
    ):
        for key in getattr(spec, field):
            if key not in known:
                raise fail(field, f"unknown {name} {key!r}")
    cited = set(file_spec.sources.values())
    for field in ("citations", "threshold_source"):
        for key in getattr(spec, field) or ():
            if key not in cited:
                raise fail(field, f"{key!r} is not the key of any of the file's sources")
    _check_threshold(spec, trigger, fail)
    rule = Rule(spec=spec, trigger=trigger)
    if rule.is_fallback != (spec.outcome == "GO"):
        raise fail("trigger", "a GO rule, and only a GO rule, fires 'otherwise'")
    return rule


def _check_threshold(spec: RuleSpec, trigger: conditions.Condition, fail: Any) -> None:
    note = spec.threshold_note
    if conditions.has_threshold(trigger) and note is None:
        raise fail("threshold_note", "is required: the trigger has a threshold")
    if spec.threshold_source is not None and note is None:
        raise fail("threshold_note", "is required with a threshold_source")
    if spec.threshold_source is None and note is not None and not note.startswith(UNSOURCED):
        raise fail("threshold_note", f"has no threshold_source, so must begin {UNSOURCED!r}")


def _check_file(spec: RulesetSpec, file: str) -> None:
    seen: set[str] = set()
    for rule in spec.rules:
        if rule.id in seen:
            raise RulesetError(file, f"rule {rule.id}", "id", "is used twice")
        seen.add(rule.id)
    for key, adaptation in spec.adaptations.items():
        if adaptation.where is not None and (
            adaptation.where not in KEY_KINDS or KEY_KINDS[adaptation.where].kind != "list"
        ):
            problem = f"{adaptation.where!r} is not a list answer"
            raise RulesetError(file, None, f"adaptations.{key}.where", problem)
    for key in spec.standing_precautions:
        if key not in spec.adaptations:
            raise RulesetError(file, None, "standing_precautions", f"unknown adaptation {key!r}")
    cited = set(spec.sources.values())
    for key, message in spec.messages.items():
        for source in message.sources:
            if source not in cited:
                problem = f"{source!r} is not the key of any of the file's sources"
                raise RulesetError(file, None, f"messages.{key}.sources", problem)
