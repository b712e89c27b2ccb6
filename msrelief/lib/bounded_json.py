"""Reading JSON from outside with its nesting bounded (:data:`limits.MAX_JSON_DEPTH`).

Every entry point that parses JSON sent by a user (the API, CSL-JSON and FHIR Questionnaire
imports, answer files on the command line) goes through :func:`loads`, so that code walking the
result never meets a structure deep enough to exhaust the stack. ``NaN``, ``Infinity`` and
numbers too large for a float are refused here too: JSON has no such values. So is a string
holding the NUL character (written ``\u0000`` in JSON): it is never text a person wrote,
PostgreSQL can store it neither in a text column nor in ``jsonb``, and Django's form fields
refuse it in the same way.
"""

from __future__ import annotations

import json
import math
from typing import Any

from msrelief.lib.limits import MAX_JSON_DEPTH

__all__ = ["JsonInputError", "loads", "nesting_depth", "nul_character_at"]


class JsonInputError(ValueError):
    """Text that is not JSON msrelief accepts; the message says why, and where if it can."""


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonInputError(f"the number {text[:40]} is too large")
    return value


def _no_constant(name: str) -> Any:
    raise JsonInputError(f"{name} is not a JSON value")


def nesting_depth(value: object, stop_above: int | None = None) -> int:
    """How deeply arrays and objects nest in ``value`` (a scalar is 0, ``[]`` is 1).

    Walks without recursion; with ``stop_above`` it returns as soon as the depth passes it.
    """
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        if stop_above is not None and deepest > stop_above:
            return deepest
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def nul_character_at(value: object) -> str | None:
    """Where the first string holding a NUL character is, in the order the text gives them
    (``item[2].text``; ``the top level`` for a bare string; ``a key of item`` for a key), or
    None.

    Walks without recursion, like :func:`nesting_depth`.
    """
    # (node, its path, and for an object's member the key and the object's path)
    stack: list[tuple[object, str, tuple[str, str] | None]] = [(value, "", None)]
    while stack:
        node, path, member = stack.pop()
        if member is not None and "\x00" in member[0]:
            return f"a key of {member[1] or 'the top-level object'}"
        if isinstance(node, str):
            if "\x00" in node:
                return path or "the top level"
        elif isinstance(node, dict):
            stack.extend(
                (child, f"{path}.{key}" if path else str(key), (str(key), path))
                for key, child in reversed(list(node.items()))
            )
        elif isinstance(node, list):
            stack.extend(
                (child, f"{path}[{index}]", None)
                for index, child in reversed(list(enumerate(node)))
            )
    return None


def loads(text: str | bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse ``text`` as JSON, nested at most ``max_depth`` levels.

    Raises :class:`JsonInputError` with a one-line message for text that is not JSON (naming
    the line and column), that is nested too deeply, that is not UTF-8, that holds a number
    outside the range of a float (or an integer of more than 4,300 digits), or a string with
    the NUL character in it (naming where).
    """
    too_deep = f"the JSON is nested more than {max_depth} levels deep (the limit)"
    try:
        data = json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise JsonInputError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise JsonInputError(too_deep) from None
    except UnicodeDecodeError:
        raise JsonInputError("not valid JSON: the text is not UTF-8") from None
    except JsonInputError as error:
        raise JsonInputError(f"not valid JSON: {error}") from None
    except ValueError as error:  # an integer with more digits than Python converts
        raise JsonInputError(f"not valid JSON: {error}") from None
    if nesting_depth(data, stop_above=max_depth) > max_depth:
        raise JsonInputError(too_deep)
    where = nul_character_at(data)
    if where is not None:
        raise JsonInputError(
            f"the text at {where} holds a NUL character (\\u0000), which msrelief does not accept"
        )
    return data
