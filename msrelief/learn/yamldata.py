"""``glossary.yaml`` and ``mechanisms.yaml``: read with the line of every entry, and checked
for shape (cross-references to claims are checked by :mod:`msrelief.learn.check`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from msrelief.learn.content import (
    EVIDENCE_KINDS,
    RELATION_KINDS,
    Entity,
    MechanismMap,
    Problem,
    Relation,
    Term,
)
from msrelief.learn.frontmatter import constructor_problem

Fail = Callable[[int, str, str], None]


def _read(path: Path, problems: list[Problem]) -> tuple[Any, yaml.Node | None]:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(name, 1, "file", "not found"))
        return None, None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, 1, "file", f"cannot be read as UTF-8 text ({error})"))
        return None, None
    try:
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        problems.append(Problem(name, line, "file", f"not valid YAML: {problem}"))
        return None, None
    except (ValueError, RecursionError) as error:  # a date such as 2026-13-01; deep nesting
        problems.append(Problem(name, 1, "file", f"not valid YAML: {constructor_problem(error)}"))
        return None, None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_glossary(path: Path) -> tuple[dict[str, Term], list[Problem]]:
    """``term: {label, text, cite?}`` entries, by lower-cased term."""
    problems: list[Problem] = []
    data, node = _read(path, problems)
    if node is None:
        return {}, problems
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return {}, [Problem(path.name, 1, "glossary", "must map each term to its entry")]
    terms: dict[str, Term] = {}
    for key_node, _ in node.value:
        term, line = str(key_node.value), key_node.start_mark.line + 1
        entry = data.get(key_node.value)
        if not isinstance(entry, dict):
            problems.append(Problem(path.name, line, term, "needs label: and text: lines"))
            continue
        label, text, cite = _text(entry.get("label")), _text(entry.get("text")), entry.get("cite")
        unknown = sorted(set(entry) - {"label", "text", "cite"})
        for message, bad in (
            ("needs a label (the word as a page shows it)", label is None),
            ("needs a text (the plain explanation)", text is None),
            ("cite must be one claim key", cite is not None and _text(cite) is None),
            (f"unknown key(s): {', '.join(map(str, unknown))}", bool(unknown)),
            ("is listed twice (terms are matched whatever their case)", term.lower() in terms),
        ):
            if bad:
                problems.append(Problem(path.name, line, term, message))
        if label and text:
            terms[term.lower()] = Term(term, label, text, _text(cite), line)
    return terms, problems


def read_mechanisms(path: Path) -> tuple[MechanismMap, list[Problem]]:
    """The map's entities and relations; a relation naming an unknown entity is a problem."""
    problems: list[Problem] = []
    data, node = _read(path, problems)
    if node is None:
        return MechanismMap(), problems
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return MechanismMap(), [Problem(path.name, 1, "map", "needs entities: and relations:")]

    def fail(line: int, key: str, message: str) -> None:
        problems.append(Problem(path.name, line, key, message))

    items = {str(k.value): v for k, v in node.value}
    entities = _entities(data.get("entities"), items.get("entities"), fail)
    known = {entity.id for entity in entities}
    relations = _relations(data.get("relations"), items.get("relations"), known, fail)
    return MechanismMap(tuple(entities), tuple(relations)), problems


def _rows(
    data: Any, node: yaml.Node | None, name: str, fail: Fail
) -> list[tuple[dict[str, Any], int]]:
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        fail(node.start_mark.line + 1 if node is not None else 1, name, "must be a list")
        return []
    rows = []
    for value, item in zip(data, node.value, strict=True):
        line = item.start_mark.line + 1
        if isinstance(value, dict):
            rows.append(({str(k): v for k, v in value.items()}, line))
        else:
            fail(line, name, "each entry must be a {key: value, ...} mapping")
    return rows


def _entities(data: Any, node: yaml.Node | None, fail: Fail) -> list[Entity]:
    entities: list[Entity] = []
    for row, line in _rows(data, node, "entities", fail):
        entity_id, label, group = (_text(row.get(k)) for k in ("id", "label", "group"))
        if entity_id is None or label is None or group is None:
            fail(line, str(entity_id or "entity"), "an entity needs an id, a label and a group")
        elif any(e.id == entity_id for e in entities):
            fail(line, entity_id, "entity id used twice")
        else:
            entities.append(Entity(entity_id, label, group, line))
    return entities


def _relations(data: Any, node: yaml.Node | None, known: set[str], fail: Fail) -> list[Relation]:
    relations: list[Relation] = []
    for row, line in _rows(data, node, "relations", fail):
        source, target, kind, evidence, claim = (
            _text(row.get(k)) for k in ("from", "to", "kind", "evidence", "claim")
        )
        key = f"{source} -> {target}"
        for name, value in (("from", source), ("to", target)):
            if value not in known:
                fail(line, key, f"{name}: {value!r} is not an entity of the map")
        if kind not in RELATION_KINDS:
            fail(line, key, f"kind must be one of {', '.join(RELATION_KINDS)}")
        if evidence not in EVIDENCE_KINDS:
            fail(line, key, "evidence must be cause or association")
        if claim is None:
            fail(line, key, "every relation cites one claim key (claim: ...)")
        if (
            source in known
            and target in known
            and kind in RELATION_KINDS
            and evidence in EVIDENCE_KINDS
            and claim is not None
        ):
            assert source is not None and target is not None
            relations.append(Relation(source, target, kind, evidence, claim, line))
    return relations
