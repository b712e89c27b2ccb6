"""Checking a clinic's own licensed item wording against a scoring-only definition.

The imported FHIR Questionnaire must validate, name the same instrument version, and have the
same items in the same order with the same answer values (``ordinalValue``) as the definition,
so that the wording can only change what a client reads, never how an answer is scored.

It must also hold the wording itself: every item's ``text`` replaced (the structure file a clinic
downloads carries placeholders such as "Item 1", and importing it unchanged is refused), and every
answer labelled with the words the client reads (``valueCoding.display``), not only its number.
Problems are named per item, with the field; a long run of the same problem is cut short after
the first few items, so that the unchanged structure file gets a short, readable answer.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire
from pydantic import ValidationError as PydanticError

from msrelief.scoring.definition import Definition
from msrelief.scoring.plan import format_number
from msrelief.scoring.questionnaire import NEUTRAL_ITEM_TEXT, ordinal_values

LISTED_PER_PROBLEM = 5


def problems_with(questionnaire: Any, definition: Definition) -> list[str]:
    """Every reason ``questionnaire`` cannot stand in for ``definition``'s neutral labels."""
    if not isinstance(questionnaire, dict) or questionnaire.get("resourceType") != "Questionnaire":
        return ["The file is not a FHIR Questionnaire (resourceType must be 'Questionnaire')."]
    try:
        Questionnaire.model_validate(questionnaire)
    except PydanticError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return [f"Not a valid FHIR R4 Questionnaire at {where}: {first['msg']}"]
    found: list[str] = []
    if questionnaire.get("version") not in (None, definition.version):
        found.append(
            f"version is {questionnaire.get('version')!r}; expected {definition.version!r}"
        )
    items = questionnaire.get("item") or []  # FHIR lets "item": null through
    links = [item.get("linkId") for item in items]
    if links != list(definition.item_ids):
        found.append(f"items must be {list(definition.item_ids)} in that order; got {links}")
        return found
    placeholders: list[str] = []
    unlabelled: list[str] = []
    for item, structure in zip(items, definition.questionnaire["item"], strict=True):
        number = item["linkId"]
        text = str(item.get("text") or "").strip()
        if not text:
            found.append(f"Item {number}, text: empty; put your licensed wording of it here")
        elif _is_placeholder(text, structure):
            placeholders.append(
                f"Item {number}, text: still the placeholder {text!r}; put your licensed "
                "wording in its place"
            )
        expected = ordinal_values(structure)
        if expected and ordinal_values(item) != expected:
            found.append(
                f"Item {number}, answer values (answerOption ordinalValue): must be {expected}, "
                f"got {ordinal_values(item)}"
            )
        elif expected:
            bare = _unlabelled_answers(item)
            if bare:
                unlabelled.append(
                    f"Item {number}, answer labels (answerOption valueCoding.display): "
                    f"{_answers(bare)} only a number; give each the words the client reads"
                )
    if len(placeholders) == len(items):
        found.insert(0, _UNCHANGED)
    found += _cut_short(placeholders)
    found += _cut_short(unlabelled)
    return found


_UNCHANGED = (
    "This is the structure file unchanged: replace each item's placeholder text (such as "
    "'Item 1') with your licensed wording, and give each answer its label, before importing"
)


def _is_placeholder(text: str, structure: dict[str, Any]) -> bool:
    return bool(NEUTRAL_ITEM_TEXT.match(text)) or text == str(structure.get("text", "")).strip()


def _unlabelled_answers(item: dict[str, Any]) -> list[float]:
    """The answer values of ``item`` whose label is missing or holds no word (just "3")."""
    bare = []
    for option, value in zip(item.get("answerOption") or [], ordinal_values(item), strict=False):
        coding = option.get("valueCoding") if isinstance(option, dict) else None
        display = coding.get("display") if isinstance(coding, dict) else None
        if not isinstance(display, str) or not any(char.isalpha() for char in display):
            bare.append(value)
    return bare


def _answers(values: list[float]) -> str:
    shown = ", ".join(format_number(value) for value in values)
    return f"answer {shown} has" if len(values) == 1 else f"answers {shown} have"


def _cut_short(problems: list[str]) -> list[str]:
    """The first few of one kind of problem, then how many more items have it."""
    if len(problems) <= LISTED_PER_PROBLEM:
        return problems
    more = len(problems) - LISTED_PER_PROBLEM
    items = "item" if more == 1 else "items"
    return [*problems[:LISTED_PER_PROBLEM], f"… and the same for {more} more {items}"]
