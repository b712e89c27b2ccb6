"""The variables of an export, read from the presentation contract of each instrument version:
one a score (``phq9_total``), one an item (``phq9_q1``).

An item's label (its wording) and its answers' labels are given only where the definition's
licence lets the wording be shown (``Definition.item_text_available``); otherwise the label
says which item it is and nothing more. A score's value labels are its severity bands.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from msrelief.scoring.contract import number_text
from msrelief.scoring.definition import Definition


@dataclass(frozen=True)
class Variable:
    """One column of the wide format (one ``variable`` value of the long format)."""

    name: str
    label: str
    kind: Literal["score", "item"]
    key: str  # the score's name, or the item's number
    values: str  # "0 to 27"
    value_labels: tuple[tuple[float, str], ...]  # a value (or a band's start) to its label
    instrument: str
    version: str
    scoring_version: str
    source: str

    def label_of(self, value: float | None) -> str:
        """The label of one value: an answer's wording, or the band a score falls in."""
        if value is None:
            return ""
        if self.kind == "score":
            found = ""
            for start, label in self.value_labels:
                if value >= start - 1e-9:
                    found = label
            return found
        for known, label in self.value_labels:
            if abs(known - value) < 1e-9:
                return label
        return ""


def _range_text(low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return ""
    return f"{number_text(low)} to {number_text(high)}"


def _item_values(definition: Definition, link_id: str) -> str:
    rules = definition.spec.scoring
    scale_name = next(item.scale for item in rules.items if item.link_id == link_id)
    scale = rules.answer_scales[scale_name]
    if scale.values:
        return _range_text(min(scale.values), max(scale.values))
    return _range_text(scale.min, scale.max)


def score_variables(definition: Definition) -> Iterator[Variable]:
    for name in definition.score_names:
        shown = definition.presentation(name)
        source = f"computed by {definition.scoring_version}"
        if shown.bands_source:
            source += f"; bands from {shown.bands_source}"
        yield Variable(
            name=shown.column,
            label=shown.label,
            kind="score",
            key=name,
            values=_range_text(*shown.range),
            value_labels=tuple((band.start, band.label) for band in shown.bands),
            instrument=definition.code,
            version=definition.version,
            scoring_version=definition.scoring_version,
            source=source,
        )


def item_variables(definition: Definition) -> Iterator[Variable]:
    for item in definition.export_items:
        yield Variable(
            name=item.column,
            label=item.label or f"{definition.spec.short_title} item {item.link_id}",
            kind="item",
            key=item.link_id,
            values=_item_values(definition, item.link_id),
            value_labels=item.value_labels,
            instrument=definition.code,
            version=definition.version,
            scoring_version=definition.scoring_version,
            source=f"answer to item {item.link_id} of {definition.key}",
        )


def variables_of(definition: Definition) -> tuple[Variable, ...]:
    """The scores first, in the definition's order, then the items in questionnaire order."""
    return (*score_variables(definition), *item_variables(definition))
