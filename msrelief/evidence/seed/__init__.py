"""Seed data of the evidence base, and its loader (pure Python, no Django).

Three JSON files sit beside this module (``docs/bibliography.md`` documents them):

- ``references.json`` — CSL-JSON items, ``id`` being the citation key; the twelve works cited by
  the source article (``research/source-references.md``), the trials and reviews of
  ``research/studies.json`` and ``research/evidence.md``, and the sources of the pre-session
  safety screen (``research/safety.md`` section 6), which its rules cite;
- ``claims.json`` — the source article's twenty claims in the project's own words, each with its
  topic, references and verification status;
- ``studies.json`` — those trials and reviews with arms and results, every number copied from
  ``research/studies.json`` or ``research/evidence.md`` (null = not found, never estimated).

:func:`load_seed` reads and checks all three: every key of every record is present and of the
right type, statuses and kinds come from the allowed lists, and every cross-reference resolves
(claim → topic and references, study → reference, result → arms). A problem raises
:class:`SeedError` naming the file, the entry and the field.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any, TypeVar

from msrelief.evidence import instruments
from msrelief.evidence.bibliography import BibliographyError, normalise_items

from .records import (
    ARM_KINDS,
    EFFECT_TYPES,
    P_OPERATORS,
    RESULT_SCOPES,
    STUDY_KINDS,
    VERIFICATION_STATUSES,
    Arm,
    Claim,
    Population,
    Result,
    Review,
    SeedData,
    Study,
    Topic,
)

SEED_DIR = Path(__file__).resolve().parent
T = TypeVar("T")

__all__ = [
    "SEED_DIR",
    "VERIFICATION_STATUSES",
    "Arm",
    "Claim",
    "Population",
    "Result",
    "Review",
    "SeedData",
    "SeedError",
    "Study",
    "Topic",
    "load_seed",
]


class SeedError(ValueError):
    """A seed file is malformed or refers to something that does not exist."""

    def __init__(self, file: str, entry: str | None, field: str | None, message: str) -> None:
        self.file, self.entry, self.field = file, entry, field
        where = [file]
        if entry is not None:
            where.append(f"entry {entry!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}")


class _Where:
    """Where a value sits (file and entry), for error messages."""

    def __init__(self, file: str, entry: str | None = None) -> None:
        self.file, self.entry = file, entry

    def fail(self, field: str | None, message: str) -> SeedError:
        return SeedError(self.file, self.entry, field, message)

    def at(self, entry: str) -> _Where:
        return _Where(self.file, entry)


def load_seed(directory: Path | str | None = None) -> SeedData:
    """Read, check and return the seed data (from ``directory``, default: this package)."""
    base = Path(directory) if directory is not None else SEED_DIR
    references = _load_references(_read_json(base, "references.json"))
    topics, claims = _load_claims(_read_json(base, "claims.json"), references)
    studies = _load_studies(_read_json(base, "studies.json"), references)
    return SeedData(references=references, topics=topics, claims=claims, studies=studies)


def _read_json(base: Path, name: str) -> Any:
    try:
        return json.loads((base / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SeedError(name, None, None, f"file not found in {base}") from None
    except json.JSONDecodeError as error:
        message = f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        raise SeedError(name, None, None, message) from None


def _load_references(data: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(data, list):
        raise SeedError("references.json", None, None, "must be a list of CSL-JSON items")
    try:
        items = normalise_items(data)
    except BibliographyError as error:
        raise SeedError("references.json", error.entry, error.field, error.problem) from None
    return {item["id"]: item for item in items}


# --- generic record building ---------------------------------------------------------------


def _build(cls: type[T], data: Any, where: _Where, nested: Mapping[str, Callable[[Any], Any]]) -> T:
    """Build dataclass ``cls`` from a JSON object whose keys are exactly its field names."""
    if not isinstance(data, Mapping):
        raise where.fail(None, "must be a JSON object")
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    # A field with a default (a study's plain_summary) may be left out; every other is written,
    # as null when its value was not found.
    optional = {f.name for f in fields(cls) if f.default is not MISSING}  # type: ignore[arg-type]
    for key in data:
        if key not in names:
            raise where.fail(str(key), "is not a known field")
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for name in names:
        if name not in data and name in optional:
            continue
        if name not in data:
            raise where.fail(name, "is missing (write null when a value was not found)")
        convert = nested.get(name)
        value = data[name]
        values[name] = convert(value) if convert else _check_type(value, hints[name], where, name)
    return cls(**values)


def _check_type(value: Any, hint: Any, where: _Where, name: str) -> Any:
    optional = isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
    if value is None:
        if optional:
            return None
        raise where.fail(name, "must not be null")
    base = next(a for a in typing.get_args(hint) if a is not type(None)) if optional else hint
    if typing.get_origin(base) is tuple:
        item_type = typing.get_args(base)[0]
        if not isinstance(value, list):
            raise where.fail(name, "must be a list")
        return tuple(_check_scalar(item, item_type, where, name) for item in value)
    return _check_scalar(value, base, where, name)


def _check_scalar(value: Any, kind: Any, where: _Where, name: str) -> Any:
    if kind is str:
        if not isinstance(value, str) or not value.strip():
            raise where.fail(name, "must be non-empty text")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.fail(name, f"must be a number, not {value!r}")
    if kind is int and not isinstance(value, int):
        raise where.fail(name, f"must be a whole number, not {value!r}")
    return value


def _choice(value: Any, allowed: Sequence[str], where: _Where, name: str) -> None:
    if value is not None and value not in allowed:
        raise where.fail(name, f"{value!r} is not one of {', '.join(allowed)}")


# --- claims --------------------------------------------------------------------------------


def _load_claims(
    data: Any, references: Mapping[str, Any]
) -> tuple[tuple[Topic, ...], tuple[Claim, ...]]:
    where = _Where("claims.json")
    keys = ("schema_version", "about", "verification_statuses", "topics", "claims")
    _top_level(data, where, keys, ("topics", "claims"))
    if sorted(data["verification_statuses"]) != sorted(VERIFICATION_STATUSES):
        raise where.fail("verification_statuses", f"must define {', '.join(VERIFICATION_STATUSES)}")
    topics = tuple(
        _build(Topic, raw, where.at(str(_get(raw, "slug"))), {}) for raw in data["topics"]
    )
    _unique([t.slug for t in topics], where, "slug")
    slugs = {t.slug for t in topics}
    claims = []
    for raw in data["claims"]:
        here = where.at(str(_get(raw, "id")))
        claim = _build(Claim, raw, here, {})
        _choice(claim.verification_status, VERIFICATION_STATUSES, here, "verification_status")
        _choice(claim.topic, sorted(slugs), here, "topic")
        _known_references(claim.references, references, here, "references")
        claims.append(claim)
    _unique([c.id for c in claims], where, "id")
    return topics, tuple(claims)


def _get(raw: Any, key: str) -> Any:
    return raw.get(key) if isinstance(raw, Mapping) else None


def _top_level(data: Any, where: _Where, keys: Sequence[str], lists: Sequence[str]) -> None:
    if not isinstance(data, Mapping):
        raise where.fail(None, "must be a JSON object")
    for key in keys:
        if key not in data:
            raise where.fail(key, "is missing")
    for key in lists:
        if not isinstance(data[key], list):
            raise where.fail(key, "must be a list")


def _unique(values: Sequence[str], where: _Where, field: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise where.at(value).fail(field, "is used twice")
        seen.add(value)


def _known_references(
    keys: Sequence[str], references: Mapping[str, Any], where: _Where, field: str
) -> None:
    if not keys:
        raise where.fail(field, "must name at least one reference")
    for key in keys:
        if key not in references:
            raise where.fail(field, f"unknown reference key {key!r}")


# --- studies -------------------------------------------------------------------------------


def _load_studies(data: Any, references: Mapping[str, Any]) -> tuple[Study, ...]:
    where = _Where("studies.json")
    _top_level(data, where, ("schema_version", "about", "conventions", "studies"), ("studies",))
    studies = tuple(_load_study(raw, references, where) for raw in data["studies"])
    _unique([s.id for s in studies], where, "id")
    _unique([r.id for s in studies for r in s.results + s.unconfirmed_results], where, "result id")
    return studies


def _load_study(raw: Any, references: Mapping[str, Any], file: _Where) -> Study:
    where = file.at(str(_get(raw, "id")))

    def results(items: Any) -> tuple[Result, ...]:
        if not isinstance(items, list):
            raise where.fail("results", "must be a list")
        return tuple(_load_result(item, where) for item in items)

    nested: dict[str, Callable[[Any], Any]] = {
        "population": lambda value: _build(Population, value, where, {}),
        "review": lambda value: None if value is None else _build(Review, value, where, {}),
        "arms": lambda value: tuple(_load_arm(item, where) for item in _list(value, where)),
        "results": results,
        "unconfirmed_results": results,
    }
    study = _build(Study, raw, where, nested)
    _check_study(study, references, where)
    return study


def _list(value: Any, where: _Where) -> list[Any]:
    if not isinstance(value, list):
        raise where.fail("arms", "must be a list")
    return value


def _load_arm(raw: Any, where: _Where) -> Arm:
    here = where.at(f"{where.entry}, arm {_get(raw, 'name')}")
    arm = _build(Arm, raw, here, {})
    _choice(arm.kind, ARM_KINDS, here, "kind")
    _choice(arm.verification_status, VERIFICATION_STATUSES, here, "verification_status")
    _known_fields(arm.second_hand_fields, Arm, here)
    return arm


def _load_result(raw: Any, where: _Where) -> Result:
    here = where.at(str(_get(raw, "id")))
    result = _build(Result, raw, here, {})
    _choice(result.scope, RESULT_SCOPES, here, "scope")
    _choice(result.verification_status, VERIFICATION_STATUSES, here, "verification_status")
    _choice(result.effect_type, EFFECT_TYPES, here, "effect_type")
    _choice(result.p_operator, P_OPERATORS, here, "p_operator")
    for name in ("comparison", "scale_range", "iqr", "effect_range"):
        value = getattr(result, name)
        if value is not None and len(value) != 2:
            raise here.fail(name, "must hold exactly two values")
    if result.p_value is not None and not 0 <= result.p_value <= 1:
        raise here.fail("p_value", "must lie between 0 and 1")
    if result.p_value is not None and result.p_operator is None:
        raise here.fail("p_operator", "must be given with p_value")
    if result.sd is not None and result.sd < 0:
        raise here.fail("sd", "must not be negative")
    if result.scope == "arm" and result.arm is None:
        raise here.fail("arm", "is required when scope is 'arm'")
    if result.time_point_weeks is not None and result.time_point_weeks < 0:
        raise here.fail("time_point_weeks", "must be 0 or more")
    for name, message in instruments.match_errors(
        result.instrument_code or "", result.score_name or ""
    ).items():
        raise here.fail(name, message)
    return result


def _known_fields(names: Sequence[str], cls: type[Any], where: _Where) -> None:
    known = {f.name for f in fields(cls)}
    population = {f.name for f in fields(Population)}
    for name in names:
        head, _, tail = name.partition(".")
        ok = name in known if not tail else head == "population" and tail in population
        if not ok:
            raise where.fail("second_hand_fields", f"{name!r} is not a field")


def _check_study(study: Study, references: Mapping[str, Any], where: _Where) -> None:
    _choice(study.kind, STUDY_KINDS, where, "kind")
    _choice(study.verification_status, VERIFICATION_STATUSES, where, "verification_status")
    _known_references([study.reference], references, where, "reference")
    _known_fields(study.second_hand_fields, Study, where)
    if study.kind == "review" and study.review is None:
        raise where.fail("review", "is required for a review")
    _unique([arm.name for arm in study.arms], where, "arm name")
    arm_names = {arm.name for arm in study.arms}
    for result in study.results + study.unconfirmed_results:
        here = where.at(result.id)
        named = [result.arm] if result.arm is not None else []
        for name in named + list(result.comparison or ()):
            if name not in arm_names:
                raise here.fail("arm", f"{name!r} is not an arm of {study.id}")
    for result in study.unconfirmed_results:
        if result.verification_status != "unverified":
            raise where.at(result.id).fail("verification_status", "must be 'unverified'")
