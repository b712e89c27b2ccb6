"""What a client reads besides the items, checked when a definition or content pack loads.

* ``recall_phrase``: the recall period in plain words, completing "These questions are about
  ..." ("the last 2 weeks", "right now"). It is read by clients, so it carries no notes.
* ``item_leads``: the stem an instrument repeats with each of some items ("Over the last 2
  weeks, how often have you been bothered by ..."); each item has at most one.
* anchors: the ``labels`` of a range answer scale may name only its two ends.

A definition that keeps its wording in the content pack, or does not ship it (``item_text`` of
``content`` or ``none``), holds no instructions or leads itself: they are wording too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from msrelief.scoring.errors import DefinitionError
from msrelief.scoring.models import AnswerScale, DefinitionSpec, ItemLead

MAX_RECALL_PHRASE = 60
MAX_LEAD = 400
NOTE_MARKS = ("(", ")", "§", "[", "unverified")


def check_presentation(file: str, spec: DefinitionSpec) -> None:
    """Raise DefinitionError for the first presentation field that a client must not see."""
    _check_recall_phrase(file, spec.recall_phrase)
    links = [item.link_id for item in spec.scoring.items]
    check_leads(file, "item_leads", spec.item_leads, links)
    if spec.licence.item_text in ("content", "none"):
        for name, value in (("instructions", spec.instructions), ("item_leads", spec.item_leads)):
            if value:
                raise DefinitionError(
                    file,
                    name,
                    f"must be empty when item_text is {spec.licence.item_text!r}: it is wording, "
                    "which lives in the content pack or the clinic's licensed import",
                )
    for name, scale in spec.scoring.answer_scales.items():
        _check_anchors(file, f"scoring.answer_scales.{name}", scale)


def _check_recall_phrase(file: str, phrase: str | None) -> None:
    if phrase is None:
        return
    if not phrase.strip() or len(phrase) > MAX_RECALL_PHRASE or phrase != phrase.strip():
        raise DefinitionError(
            file, "recall_phrase", f"must be 1 to {MAX_RECALL_PHRASE} characters, trimmed"
        )
    if any(mark in phrase for mark in NOTE_MARKS):
        raise DefinitionError(
            file,
            "recall_phrase",
            f"is shown to clients, so it carries no notes or sources (got {phrase!r}); "
            "keep those in recall_period",
        )


def check_leads(file: str, field: str, leads: Iterable[ItemLead], links: list[str]) -> None:
    """Each lead names known items, none twice, and has text of a sensible length."""
    seen: set[str] = set()
    for number, lead in enumerate(leads):
        where = f"{field}[{number}]"
        if not lead.text.strip() or len(lead.text) > MAX_LEAD:
            raise DefinitionError(file, f"{where}.text", f"must be 1 to {MAX_LEAD} characters")
        if not lead.items:
            raise DefinitionError(file, f"{where}.items", "must name at least one item")
        for link in lead.items:
            if link not in links:
                raise DefinitionError(
                    file, f"{where}.items", f"item {link!r} is not one of the items {links}"
                )
            if link in seen:
                raise DefinitionError(file, f"{where}.items", f"item {link!r} has a lead already")
            seen.add(link)


def leads_by_item(leads: Iterable[ItemLead]) -> Mapping[str, str]:
    """``{"1": "Over the last 2 weeks, ...", ...}`` for the items that have a lead."""
    return {link: lead.text for lead in leads for link in lead.items}


def _check_anchors(file: str, field: str, scale: AnswerScale) -> None:
    if scale.about is not None and not scale.about.strip():
        raise DefinitionError(file, f"{field}.about", "must not be empty")
    if scale.values is not None or not scale.labels:
        return
    ends = {scale.min, scale.max}
    for key, label in scale.labels.items():
        if _number(key) not in ends:
            raise DefinitionError(
                file,
                f"{field}.labels",
                f"on a range only the ends ({scale.min:g} and {scale.max:g}) are labelled, "
                f"not {key!r}",
            )
        if not label.strip():
            raise DefinitionError(file, f"{field}.labels", f"the label of {key!r} is empty")


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan
