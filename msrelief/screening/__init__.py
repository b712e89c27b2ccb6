"""The MS pre-session safety screen: pure Python, no Django (docs/screening.md).

The rules are data (``rules/ms-screen-1.json``), each with its trigger, outcome, adaptations,
reason, citations (keys of the evidence base's references) and grade. They are a research
draft: a registered clinician must review them before they are used with clients.

Public API:

* :func:`screen` -> :class:`ScreenResult`; :func:`screen_json` for the CLI and the API;
* :func:`parse_answers` -> :class:`Answers` (``ANSWER_KEYS``, ``KEY_KINDS``);
* :func:`default_ruleset` and :func:`load_ruleset` -> :class:`Ruleset`;
* errors: :class:`AnswersError` (names each field), :class:`RulesetError` (names rule and
  field), both ValueError.
"""

from __future__ import annotations

from msrelief.screening.answers import ANSWER_KEYS, KEY_KINDS, Answers, parse_answers
from msrelief.screening.engine import (
    OUTCOMES,
    URGENCIES,
    Adaptation,
    FiredRule,
    ScreenResult,
    screen,
    screen_json,
    severity,
)
from msrelief.screening.errors import AnswersError, RulesetError
from msrelief.screening.ruleset import DEFAULT_RULES, Rule, Ruleset, default_ruleset, load_ruleset

__all__ = [
    "ANSWER_KEYS",
    "DEFAULT_RULES",
    "KEY_KINDS",
    "OUTCOMES",
    "URGENCIES",
    "Adaptation",
    "Answers",
    "AnswersError",
    "FiredRule",
    "Rule",
    "Ruleset",
    "RulesetError",
    "ScreenResult",
    "default_ruleset",
    "load_ruleset",
    "parse_answers",
    "screen",
    "screen_json",
    "severity",
]
