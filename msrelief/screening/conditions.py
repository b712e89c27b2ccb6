"""Triggers: a small declarative vocabulary over the answer keys (docs/screening.md, "Rule file").

A trigger is one JSON object, one of:

* ``{"key": K, "is": true}`` — flag K is set;
* ``{"key": K, "is": "physiotherapy"}`` or ``{"key": K, "in": [...]}`` — choice K is one of these;
* ``{"key": K, "at_least": N}`` — number K is N or more;
* ``{"key": K, "not_empty": true}`` — list K has an entry;
* ``{"key": K, "given": true}`` — K has a value;
* ``{"days_since": K, "at_least": A, "at_most": B}`` — the date K lies A to B whole days before
  the screen's ``date`` (0: the same day; either bound may be left out);
* ``{"all": [...]}``, ``{"any": [...]}`` — every one, or at least one, of the triggers inside;
* ``{"otherwise": true}`` — no rule without ``otherwise`` fired (the GO rules).

Nothing tests for an answer's absence (there is no ``"is": false`` and no "not"): a trigger can
only start to hold when an answer is added, so adding an answer never takes a rule away, and
the outcome can never become milder (the GO rules aside, which are the mildest anyway).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from msrelief.screening.answers import KEY_KINDS, Answers


class TriggerError(ValueError):
    """A trigger is malformed: ``path`` is where (``trigger.any[1].at_most``)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True, slots=True)
class Flag:
    key: str


@dataclass(frozen=True, slots=True)
class Choice:
    key: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AtLeast:
    key: str
    minimum: float


@dataclass(frozen=True, slots=True)
class NotEmpty:
    key: str


@dataclass(frozen=True, slots=True)
class Given:
    key: str


@dataclass(frozen=True, slots=True)
class DaysSince:
    key: str
    at_least: int | None
    at_most: int | None


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Otherwise:
    pass


Condition = Flag | Choice | AtLeast | NotEmpty | Given | DaysSince | AllOf | AnyOf | Otherwise


def evaluate(condition: Condition, answers: Answers, others_fired: bool) -> bool:
    """Whether the trigger holds for these answers (``others_fired``: for ``otherwise``)."""
    match condition:
        case Flag(key):
            return answers.value(key) is True
        case Choice(key, values):
            return answers.value(key) in values
        case AtLeast(key, minimum):
            number = answers.value(key)
            return number is not None and number >= minimum
        case NotEmpty(key):
            return bool(answers.value(key))
        case Given(key):
            return answers.value(key) is not None
        case DaysSince(key, low, high):
            days = answers.days_since(key)
            return (
                days is not None and (low is None or days >= low) and (high is None or days <= high)
            )
        case AllOf(parts):
            return all(evaluate(part, answers, others_fired) for part in parts)
        case AnyOf(parts):
            return any(evaluate(part, answers, others_fired) for part in parts)
        case Otherwise():
            return not others_fired


def walk(condition: Condition) -> list[Condition]:
    """The condition and every condition inside it."""
    if isinstance(condition, AllOf | AnyOf):
        return [condition, *(c for part in condition.parts for c in walk(part))]
    return [condition]


def has_threshold(condition: Condition) -> bool:
    """True when the trigger compares a number or a count of days with a threshold."""
    return any(isinstance(c, AtLeast | DaysSince) for c in walk(condition))


def keys_of(condition: Condition) -> set[str]:
    """The answer keys the trigger reads."""
    return {c.key for c in walk(condition) if not isinstance(c, AllOf | AnyOf | Otherwise)}


# --- parsing -------------------------------------------------------------------------------


def parse(raw: Any, path: str = "trigger") -> Condition:
    """Read one trigger from JSON, or raise :class:`TriggerError` naming where it is wrong."""
    if not isinstance(raw, Mapping):
        raise TriggerError(path, "must be an object")
    for name in ("all", "any"):
        if name in raw:
            _only(raw, {name}, path)
            return _combined(name, raw[name], f"{path}.{name}")
    if "otherwise" in raw:
        _only(raw, {"otherwise"}, path)
        if raw["otherwise"] is not True:
            raise TriggerError(f"{path}.otherwise", "must be true")
        return Otherwise()
    if "days_since" in raw:
        return _days_since(raw, path)
    if "key" in raw:
        return _on_key(raw, path)
    raise TriggerError(path, "needs one of: key, days_since, all, any, otherwise")


def _only(raw: Mapping[str, Any], allowed: set[str], path: str) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise TriggerError(f"{path}.{extra[0]}", "is not allowed here")


def _combined(name: str, raw: Any, path: str) -> Condition:
    if not isinstance(raw, list) or not raw:
        raise TriggerError(path, "must be a non-empty list of triggers")
    parts = tuple(parse(part, f"{path}[{index}]") for index, part in enumerate(raw))
    return AllOf(parts) if name == "all" else AnyOf(parts)


def _known_key(raw: Any, path: str, kinds: Sequence[str]) -> str:
    if not isinstance(raw, str) or raw not in KEY_KINDS:
        raise TriggerError(path, f"{raw!r} is not an answer key")
    if KEY_KINDS[raw].kind not in kinds:
        raise TriggerError(path, f"'{raw}' is a {KEY_KINDS[raw].kind}, not a {' or '.join(kinds)}")
    return raw


def _whole(raw: Any, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise TriggerError(path, "must be a whole number of days")
    return int(raw)


def _days_since(raw: Mapping[str, Any], path: str) -> DaysSince:
    _only(raw, {"days_since", "at_least", "at_most"}, path)
    key = _known_key(raw["days_since"], f"{path}.days_since", ["date"])
    low = _whole(raw["at_least"], f"{path}.at_least") if "at_least" in raw else None
    high = _whole(raw["at_most"], f"{path}.at_most") if "at_most" in raw else None
    if low is None and high is None:
        raise TriggerError(path, "needs at_least or at_most")
    if low is not None and high is not None and low > high:
        raise TriggerError(f"{path}.at_least", "must not be more than at_most")
    return DaysSince(key, low, high)


_OPERATORS = ("is", "in", "at_least", "not_empty", "given")
_NO_ABSENCE = (
    "cannot be false: a trigger tests what is there, never what is missing, so that an "
    "added answer never removes a rule"
)


def _on_key(raw: Mapping[str, Any], path: str) -> Condition:
    operators = [name for name in _OPERATORS if name in raw]
    _only(raw, {"key", *_OPERATORS}, path)
    if len(operators) != 1:
        raise TriggerError(path, f"needs exactly one of: {', '.join(_OPERATORS)}")
    operator = operators[0]
    value, where = raw[operator], f"{path}.{operator}"
    if operator == "is" and isinstance(value, str):
        return _choice(raw["key"], [value], path, where)
    if operator == "in":
        if not isinstance(value, list) or not value:
            raise TriggerError(where, "must be a non-empty list of choices")
        return _choice(raw["key"], value, path, where)
    if operator == "is":
        if value is False:
            raise TriggerError(where, _NO_ABSENCE)
        if value is not True:
            raise TriggerError(where, "must be true, or a choice")
        return Flag(_known_key(raw["key"], f"{path}.key", ["bool"]))
    if operator == "at_least":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TriggerError(where, "must be a number")
        return AtLeast(_known_key(raw["key"], f"{path}.key", ["number"]), float(value))
    if value is not True:
        raise TriggerError(where, "must be true")
    if operator == "not_empty":
        return NotEmpty(_known_key(raw["key"], f"{path}.key", ["list"]))
    return Given(
        _known_key(raw["key"], f"{path}.key", sorted({k.kind for k in KEY_KINDS.values()}))
    )


def _choice(key: Any, values: list[Any], path: str, where: str) -> Choice:
    name = _known_key(key, f"{path}.key", ["choice"])
    allowed = KEY_KINDS[name].choices
    for value in values:
        if value not in allowed:
            raise TriggerError(where, f"{value!r} is not one of {', '.join(allowed)}")
    return Choice(name, tuple(values))
