"""The FHIR Questionnaire inside a definition: validation, consistency, licence-safe text.

* :func:`check_questionnaire` validates the resource with ``fhir.resources`` (R4B models, which
  match R4 for Questionnaire), then checks it against the scoring spec: same items in the same
  order, and every choice item's ``ordinalValue`` extensions equal the answer scale's values.
* A definition whose licence does not let the project ship item wording (``item_text`` of
  ``none``) or keeps it in the separately licensed content pack (``content``) must carry only
  neutral labels ("Item 7") and numeric answer labels. :func:`neutral_text_problems` lists any
  breach; the loader refuses such a file, and a test runs it on every packaged definition.
* :func:`merge_content` fills the wording from a content-pack file into a copy of the resource.
"""

from __future__ import annotations

import copy
import math
import re
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire
from pydantic import ValidationError

from msrelief.scoring.errors import DefinitionError
from msrelief.scoring.models import ContentSpec, DefinitionSpec
from msrelief.scoring.plan import format_number
from msrelief.scoring.presentation import check_leads

ORDINAL_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
NEUTRAL_ITEM_TEXT = re.compile(r"^Item \d+[a-z]?$")
NEUTRAL_ANSWER_SYSTEM = "urn:msrelief:answer-value"


def ordinal_values(item: dict[str, Any]) -> list[float]:
    """The ``ordinalValue`` of each answer option of a Questionnaire item, in order.

    Also reads imported (untrusted) JSON: a ``null`` list is empty, and a value that is not a
    number a float can hold reads as NaN, which matches no expected value.
    """
    values: list[float] = []
    for option in item.get("answerOption") or []:
        extensions = option.get("extension") if isinstance(option, dict) else None
        for extension in extensions or []:
            if isinstance(extension, dict) and extension.get("url") == ORDINAL_URL:
                values.append(_as_float(extension.get("valueDecimal")))
    return values


def _as_float(value: Any) -> float:
    if value is None or isinstance(value, bool):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return math.nan


def _location(loc: tuple[int | str, ...]) -> str:
    text = "questionnaire"
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def check_questionnaire(file: str, spec: DefinitionSpec) -> None:
    """Raise DefinitionError if the Questionnaire is invalid or disagrees with the scoring spec."""
    resource = spec.questionnaire
    try:
        Questionnaire.model_validate(resource)
    except ValidationError as error:
        first = error.errors()[0]
        raise DefinitionError(file, _location(tuple(first["loc"])), first["msg"]) from None
    if resource.get("version") != spec.version:
        raise DefinitionError(file, "questionnaire.version", f"must equal {spec.version!r}")
    items = resource.get("item", [])
    links = [item.get("linkId") for item in items]
    expected = [item.link_id for item in spec.scoring.items]
    if links != expected:
        raise DefinitionError(
            file, "questionnaire.item", f"linkIds {links} differ from scoring items {expected}"
        )
    for position, (item, scored) in enumerate(zip(items, spec.scoring.items, strict=True)):
        scale = spec.scoring.answer_scales[scored.scale]
        field = f"questionnaire.item[{position}]"
        if scale.values is None:
            if item.get("type") not in ("decimal", "integer"):
                raise DefinitionError(file, f"{field}.type", "a range item must be decimal/integer")
            continue
        if item.get("type") != "choice":
            raise DefinitionError(file, f"{field}.type", "an item with listed values is 'choice'")
        if sorted(ordinal_values(item)) != sorted(scale.values):
            raise DefinitionError(
                file,
                f"{field}.answerOption",
                f"ordinalValue extensions must be exactly {sorted(scale.values)}",
            )
    if spec.licence.item_text in ("none", "content"):
        problems = neutral_text_problems(resource)
        if problems:
            raise DefinitionError(file, problems[0][0], problems[0][1])


def neutral_text_problems(resource: dict[str, Any]) -> list[tuple[str, str]]:
    """Fields of a Questionnaire that carry more than neutral labels, as (field, problem)."""
    problems: list[tuple[str, str]] = []
    for position, item in enumerate(resource.get("item", [])):
        field = f"questionnaire.item[{position}]"
        text = item.get("text", "")
        if not NEUTRAL_ITEM_TEXT.match(text) or text != f"Item {item.get('linkId')}":
            problems.append((f"{field}.text", f"must be the neutral label 'Item N', got {text!r}"))
        if "item" in item or "prefix" in item:
            problems.append((field, "nested items or prefixes may carry wording"))
        for number, option in enumerate(item.get("answerOption", [])):
            coding = option.get("valueCoding", {})
            if coding.get("display") != coding.get("code") or not _is_number(coding.get("code")):
                problems.append(
                    (
                        f"{field}.answerOption[{number}].valueCoding",
                        "must show only the numeric answer value",
                    )
                )
    return problems


def _is_number(text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutral_answer_options(values: list[float]) -> list[dict[str, Any]]:
    """Answer options that show nothing but their numeric value (scoring-only definitions)."""
    return [
        {
            "valueCoding": {
                "system": NEUTRAL_ANSWER_SYSTEM,
                "code": format_number(value),
                "display": format_number(value),
            },
            "extension": [{"url": ORDINAL_URL, "valueDecimal": value}],
        }
        for value in values
    ]


def merge_content(spec: DefinitionSpec, content: ContentSpec, file: str) -> dict[str, Any]:
    """A copy of the Questionnaire with item wording and answer labels from a content pack."""
    resource = copy.deepcopy(spec.questionnaire)
    links = [item.link_id for item in spec.scoring.items]
    if sorted(content.items) != sorted(links):
        raise DefinitionError(file, "items", f"must give wording for exactly items {links}")
    if content.code != spec.code or content.version != spec.version:
        raise DefinitionError(file, "code", f"must be {spec.code!r} version {spec.version!r}")
    check_leads(file, "item_leads", content.item_leads, links)
    if content.instructions:
        resource["description"] = content.instructions
    for item, scored in zip(resource["item"], spec.scoring.items, strict=True):
        item["text"] = content.items[scored.link_id]
        labels = content.answer_labels.get(scored.scale, {})
        for option in item.get("answerOption", []):
            coding = option["valueCoding"]
            if coding["code"] in labels:
                coding["display"] = labels[coding["code"]]
    return resource
