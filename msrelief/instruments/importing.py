"""Checking a clinic's own licensed item wording against a scoring-only definition.

The imported FHIR Questionnaire must validate, name the same instrument version, and have the
same items in the same order with the same answer values (``ordinalValue``) as the definition,
so that the wording can only change what a client reads, never how an answer is scored.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire
from pydantic import ValidationError as PydanticError

from msrelief.scoring.definition import Definition
from msrelief.scoring.questionnaire import ordinal_values


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
    items = questionnaire.get("item", [])
    links = [item.get("linkId") for item in items]
    if links != list(definition.item_ids):
        found.append(f"items must be {list(definition.item_ids)} in that order; got {links}")
        return found
    for item, fhir_item in zip(items, definition.questionnaire["item"], strict=True):
        if not str(item.get("text", "")).strip():
            found.append(f"item {item['linkId']} has no text")
        expected = ordinal_values(fhir_item)
        if expected and ordinal_values(item) != expected:
            found.append(
                f"item {item['linkId']}: answer values (ordinalValue) must be {expected}, "
                f"got {ordinal_values(item)}"
            )
    return found
