"""Instrument scoring for msrelief: pure Python + NumPy, no Django.

Public API (everything a caller needs):

* definitions: :func:`get_definition` and :func:`default_registry` (the packaged definitions,
  loaded once per process), :func:`load_definitions` and :func:`load_registry` (read a folder
  afresh), :class:`Definition`;
* scoring: :func:`score` -> :class:`ScoreResult`; :func:`score_many` -> :class:`ManyResult`;
* change: :func:`judge_change`, :func:`judge_results` -> :class:`ChangeResult`;
* CLI/API helpers: :func:`score_json`, :func:`list_instruments`;
* errors: :class:`ScoringError` (and its :class:`IncompleteError`, with the
  :class:`Shortfall` of each empty score), :class:`DefinitionError` (both ValueError).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msrelief.scoring.api import list_instruments, score_json
from msrelief.scoring.change import ChangeResult, judge_change, judge_results
from msrelief.scoring.definition import Definition
from msrelief.scoring.engine import Alert, IncompleteError, ScoreResult, Shortfall, score
from msrelief.scoring.errors import DefinitionError, ScoringError
from msrelief.scoring.registry import (
    DEFAULT_CONTENT,
    DEFAULT_DEFINITIONS,
    Registry,
    default_registry,
    get_definition,
    get_definition_for_entry,
    load_definition_file,
    load_definitions,
    load_registry,
    versions_of,
)

if TYPE_CHECKING:
    from msrelief.scoring.vector import ManyResult, score_many

__all__ = [
    "DEFAULT_CONTENT",
    "DEFAULT_DEFINITIONS",
    "Alert",
    "ChangeResult",
    "Definition",
    "DefinitionError",
    "IncompleteError",
    "ManyResult",
    "Registry",
    "ScoreResult",
    "ScoringError",
    "Shortfall",
    "default_registry",
    "get_definition",
    "get_definition_for_entry",
    "judge_change",
    "judge_results",
    "list_instruments",
    "load_definition_file",
    "load_definitions",
    "load_registry",
    "score",
    "score_json",
    "score_many",
    "versions_of",
]


def __getattr__(name: str) -> Any:
    """``score_many`` and ``ManyResult`` are imported on first use: they need NumPy, which
    scoring one response (``msrelief score``, the API, a questionnaire page) does not."""
    if name in ("ManyResult", "score_many"):
        from msrelief.scoring import vector

        value = getattr(vector, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
