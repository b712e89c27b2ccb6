"""A loaded, checked instrument definition."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from msrelief.scoring.contract import ExportItem, Presentation, build_presentation, export_items
from msrelief.scoring.models import DefinitionSpec, Licence, Mcid, Reliability, ScoreSpec
from msrelief.scoring.plan import Plan


@dataclass(frozen=True, eq=False)
class Definition:
    """One version of one instrument, ready to score.

    ``questionnaire`` is the FHIR Questionnaire with the item wording merged in when the wording
    lives in the content pack and the pack is present (``item_text_available``); otherwise it is
    the resource exactly as stored in the definition file. ``instructions`` and ``item_leads``
    (item number to the stem shown above it) come from the same place as the item wording.
    """

    spec: DefinitionSpec
    questionnaire: dict[str, Any]
    plan: Plan
    file: str
    item_text_available: bool
    instructions: str | None = None
    item_leads: Mapping[str, str] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def version(self) -> str:
        return self.spec.version

    @property
    def key(self) -> str:
        return f"{self.spec.code}@{self.spec.version}"

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def licence(self) -> Licence:
        return self.spec.licence

    @property
    def scoring_version(self) -> str:
        """The label stored with every score, e.g. ``phq9@1.0/scoring-1``."""
        return self.plan.version_label

    @property
    def item_ids(self) -> tuple[str, ...]:
        """Item numbers in questionnaire order: the columns of :func:`score_many`'s matrix."""
        return tuple(rule.link_id for rule in self.plan.items)

    @property
    def score_names(self) -> tuple[str, ...]:
        return tuple(score.name for score in self.spec.scoring.scores)

    def score_spec(self, name: str) -> ScoreSpec:
        for score in self.spec.scoring.scores:
            if score.name == name:
                return score
        raise KeyError(f"{self.key} has no score named {name!r}; it has {self.score_names}")

    def mcid_for(self, name: str) -> Mcid | None:
        return self.spec.mcid.get(name)

    def reliability_for(self, name: str) -> Reliability | None:
        return self.spec.reliability.get(name)

    def presentation(self, name: str) -> Presentation:
        """The presentation contract of one score: axis, direction, bands, MCID and RCI lines,
        summary template and export columns (:mod:`msrelief.scoring.contract`)."""
        return build_presentation(self, name)

    @property
    def export_items(self) -> tuple[ExportItem, ...]:
        """Every item's export column, label and value labels, in questionnaire order."""
        return export_items(self)
