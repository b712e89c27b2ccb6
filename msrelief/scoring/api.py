"""Entry points for the CLI and the web API: raw JSON in, JSON-ready dictionaries out."""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Mapping

from msrelief.scoring.engine import score
from msrelief.scoring.errors import ScoringError
from msrelief.scoring.registry import default_registry, get_definition_for_entry


def _checked_answers(code: str, answers: object) -> dict[str, float]:
    if not isinstance(answers, Mapping):
        raise ScoringError(
            f"{code}: answers must be a JSON object mapping item numbers to numbers, "
            f'e.g. {{"1": 2, "2": 0}}; got {type(answers).__name__}'
        )
    checked: dict[str, float] = {}
    for key, value in answers.items():
        if not isinstance(key, str):
            raise ScoringError(f'{code}: item keys must be strings such as "1"; got {key!r}')
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ScoringError(
                f"{code} item {key}: the answer must be a number, got {value!r} "
                f"({type(value).__name__})"
            )
        if not _fits_a_float(value) or not math.isfinite(float(value)):
            raise ScoringError(f"{code} item {key}: the answer must be a finite number")
        checked[key] = float(value)
    return checked


def _fits_a_float(value: numbers.Real) -> bool:
    """False for an integer too large to convert (JSON integers have no size limit)."""
    if isinstance(value, numbers.Integral):
        return abs(int(value)) <= sys.float_info.max
    return True


def score_json(code: str, answers: object) -> dict[str, object]:
    """Score answers read from JSON and return ``ScoreResult.to_dict()``.

    ``code`` is ``code@version``, or a code alone for an instrument with one version
    (:func:`~msrelief.scoring.registry.get_definition_for_entry`). ``answers`` must be an
    object whose keys are item numbers as strings and whose values are numbers; ``null`` counts
    as unanswered. Anything else raises :class:`ScoringError` with a message naming the item.
    """
    try:
        definition = get_definition_for_entry(code)
    except KeyError as error:
        raise ScoringError(str(error.args[0])) from None
    return score(definition, _checked_answers(definition.code, answers)).to_dict()


def list_instruments() -> list[dict[str, object]]:
    """One row per packaged instrument (latest version), sorted by code."""
    rows: list[dict[str, object]] = []
    for code, definition in sorted(default_registry().latest.items()):
        licence = definition.licence
        rows.append(
            {
                "code": code,
                "version": definition.version,
                "title": definition.title,
                "licence": f"{licence.holder}: {licence.terms}",
                "ships_item_text": licence.ships_item_text,
                "item_text": licence.item_text,
                "item_text_available": definition.item_text_available,
                "scoring_version": definition.scoring_version,
                "versions": sorted(
                    version for (c, version) in default_registry().by_version if c == code
                ),
            }
        )
    return rows
