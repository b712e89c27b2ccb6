"""One page file: its YAML front matter, checked field by field, and its Markdown body."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from msrelief.learn.content import PAGE_KINDS, SYMPTOMS, Page, Problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("title", "summary", "updated", "reviewed_by", "reading_age", "order", "kind")
OPTIONAL = ("symptom", "studies")
FENCE = "---"
#: Addresses under /learn/ that are not pages.
RESERVED = frozenset({"map", "glossary", "copyright", "feed", "moderation", "comments"})


def read_page(path: Path, name: str) -> tuple[Page | None, list[Problem]]:
    """The page in ``path`` (``name`` is how problems name the file), or None and why."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 1, "file", f"cannot be read as UTF-8 text ({error})")]
    slug = path.stem
    if not SLUG.match(slug):
        return None, [Problem(name, 1, "slug", "file names are lower-case words joined by -")]
    if slug in RESERVED:
        message = f"the address /learn/{slug}/ is taken by another page: choose another name"
        return None, [Problem(name, 1, "slug", message)]
    split = split_front_matter(text)
    if split is None:
        message = "front matter missing: the file must start with a line --- and end it with ---"
        return None, [Problem(name, 1, "front matter", message)]
    raw, body, body_line = split
    fields, lines, problems = _parse_yaml(raw, name)
    if fields is None:
        return None, problems
    values = _check_fields(fields, lines, name, problems)
    if problems:
        return None, problems
    return Page(slug=slug, file=name, body=body, body_line=body_line, **values), []


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, first line of the body), or None without a front matter block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def _parse_yaml(raw: str, name: str) -> tuple[dict[str, Any] | None, dict[str, int], list[Problem]]:
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        # Where the broken construct starts (an unclosed [ ), else where parsing failed.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        return None, {}, [Problem(name, line, "front matter", f"not valid YAML: {problem}")]
    except (ValueError, RecursionError) as error:  # a date such as 2026-13-01; deep nesting
        why = f"not valid YAML: {constructor_problem(error)}"
        return None, {}, [Problem(name, 1, "front matter", why)]
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return None, {}, [Problem(name, 1, "front matter", "must be YAML key: value lines")]
    lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    return {str(key): value for key, value in data.items()}, lines, []


def constructor_problem(error: ValueError | RecursionError) -> str:
    """What PyYAML's constructor raised, in words (it raises these besides YAMLError)."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)


def _check_fields(
    fields: dict[str, Any], lines: dict[str, int], name: str, problems: list[Problem]
) -> dict[str, Any]:
    lines.setdefault("symptom", lines.get("kind", 1))  # a missing symptom: at the kind line

    def fail(key: str, message: str) -> None:
        problems.append(Problem(name, lines.get(key, 1), key, message))

    for key in sorted(set(fields) - set(REQUIRED) - set(OPTIONAL)):
        fail(key, f"unknown front matter key (known: {', '.join(REQUIRED + OPTIONAL)})")
    for key in REQUIRED:
        if fields.get(key) is None:
            fail(key, "missing from the front matter")
    values: dict[str, Any] = {}
    for key in ("title", "summary", "reviewed_by"):
        values[key] = _text(fields.get(key), key, fail)
    values["updated"] = _date(fields.get("updated"), fail)
    for key in ("reading_age", "order"):
        values[key] = _whole(fields.get(key), key, fail)
    values["kind"] = kind = fields.get("kind")
    if kind is not None and kind not in PAGE_KINDS:
        fail("kind", f"must be one of {', '.join(PAGE_KINDS)}")
    values["symptom"] = _symptom(kind, fields.get("symptom"), fail)
    values["studies"] = _studies(fields.get("studies"), fail)
    return values


def _text(value: Any, key: str, fail: Any) -> str:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        fail(key, "must be text")
    return str(value or "").strip()


def _date(value: Any, fail: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if value is not None:
        fail("updated", "must be a date written YYYY-MM-DD")
    return dt.date.min


def _whole(value: Any, key: str, fail: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        fail(key, "must be a whole number, 0 or more")
        return 0
    return int(value)


def _symptom(kind: Any, value: Any, fail: Any) -> str | None:
    if kind == "symptom":
        if value not in SYMPTOMS:
            fail("symptom", f"a symptom page names one of {', '.join(SYMPTOMS)}")
        return str(value) if value in SYMPTOMS else None
    if value is not None:
        fail("symptom", "only a page of kind symptom names a symptom")
    return None


def _studies(value: Any, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        fail("studies", "must be a list of study keys, for example [naderi2024, gaballah2023]")
        return ()
    return tuple(value)
