"""The presentation contract of a score: what every chart, report and export shows of it.

A definition gives each score a ``presentation`` block (axis, summary template, export column)
and the definition an ``export.item_prefix``; everything else comes from what the definition
already holds, so nothing is said twice:

* the **axis** is ``presentation.axis``, or the score's ``range``;
* the **direction** label ("higher is worse" / "higher is better") comes from ``direction``;
* the **band lines** are the ``from`` values of the score's bands above the first;
* the **MCID lines** come from ``mcid`` when known (none otherwise; never invented), per EDSS
  band where the MCID depends on disability;
* the **RCI** is the smallest reliable change, 1.96 x SEdiff, from ``reliability`` when known
  (:mod:`msrelief.scoring.reliability`);
* **export** columns: the score's ``presentation.export.column``; items are
  ``<item_prefix>_q<item number>`` (``phq9_q1``, ``psqi_q5a``), labelled with the item text and
  their answers' labels only where the licence lets the wording be shown
  (``Definition.item_text_available``).

:meth:`Presentation.summary_text` fills the summary template. The template is split into
clauses at ``"; "``; a clause whose placeholder has no value (no baseline yet, say) is left out,
so ``"{label} {value} ({band}); {change_phrase} since {baseline_date}"`` reads
"Total score 12 (moderate)" for a first response and "Total score 12 (moderate); down 6 points
(better) since 3 March 2025" later.

Checked at load by :mod:`msrelief.scoring.contract_checks`.
"""

from __future__ import annotations

import datetime
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from msrelief.scoring.models import Direction, Mcid, McidByEdss
from msrelief.scoring.plan import BAND_EPSILON, format_number
from msrelief.scoring.questionnaire import ordinal_values
from msrelief.scoring.reliability import JACOBSON_TRUAX, RELIABLE_Z, stored_se_difference

if TYPE_CHECKING:
    from msrelief.scoring.definition import Definition

#: The placeholders a summary template may name.
PLACEHOLDERS = (
    "label",
    "value",
    "unit",
    "band",
    "date",
    "baseline_value",
    "baseline_date",
    "change_phrase",
)
DIRECTION_LABELS: Mapping[str, str] = {
    "lower_is_better": "higher is worse",
    "higher_is_better": "higher is better",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def item_column(prefix: str, link_id: str) -> str:
    """The export column of an item: ``phq9`` and ``"1"`` give ``phq9_q1``."""
    return f"{prefix}_q{link_id}"


def number_text(value: float) -> str:
    """A score as people read it: at most two decimals, no trailing zeros (4.4444 -> "4.44")."""
    text = format(round(value, 2), "g")
    return "0" if text == "-0" else text


def date_text(day: datetime.date) -> str:
    """``3 March 2025``, the same in every locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class BandLine:
    """A severity band that starts at ``start`` (and runs to the next band's start)."""

    start: float
    label: str


@dataclass(frozen=True)
class McidLine:
    """One known MCID: a change of ``size`` (points, or percent of the baseline) in the
    ``kind`` direction; ``edss`` is the EDSS band it holds for, when it depends on one."""

    kind: Literal["improvement", "deterioration"]
    size: float
    unit: Literal["points", "percent"]
    edss: tuple[float, float] | None
    source: str

    @property
    def edss_label(self) -> str | None:
        if self.edss is None:
            return None
        low, high = self.edss
        return f"EDSS {format_number(low)}-{format_number(high)}"


@dataclass(frozen=True)
class Rci:
    """The smallest reliable change (|RCI| > 1.96): ``smallest`` = 1.96 x ``se_diff``."""

    se_diff: float
    smallest: float
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ExportItem:
    """An item's export column; ``label`` (the item text) and ``value_labels`` (answer value
    to its wording) only where the licence lets the wording be shown."""

    link_id: str
    column: str
    label: str | None
    value_labels: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class Presentation:
    """Everything a chart, a report or an export shows of one score of one definition."""

    code: str
    version: str
    title: str
    short_title: str
    score: str
    label: str
    unit: str | None
    range: tuple[float, float]
    axis: tuple[float, float]
    direction: Direction
    bands: tuple[BandLine, ...]
    bands_source: str | None
    mcid: tuple[McidLine, ...]
    rci: Rci | None
    summary: str
    column: str
    items: tuple[ExportItem, ...]

    @property
    def direction_label(self) -> str:
        """ "higher is worse" or "higher is better"."""
        return DIRECTION_LABELS[self.direction]

    @property
    def band_lines(self) -> tuple[float, ...]:
        """Where one band ends and the next begins: the starts of every band but the first."""
        return tuple(band.start for band in self.bands[1:])

    def band_of(self, value: float) -> str | None:
        label: str | None = None
        for band in self.bands:
            if value >= band.start - BAND_EPSILON:
                label = band.label
        return label

    def mcid_lines(self, edss: float | None = None) -> tuple[McidLine, ...]:
        """The MCIDs that apply: all of a plain MCID; of one given by EDSS band, those of the
        band the client's ``edss`` falls in (none without an EDSS: the band is never guessed)."""
        lines = []
        for line in self.mcid:
            if line.edss is None or (edss is not None and line.edss[0] <= edss <= line.edss[1]):
                lines.append(line)
        return tuple(lines)

    def mcid_around(
        self, baseline: float, edss: float | None = None
    ) -> tuple[float | None, float | None]:
        """The values a change from ``baseline`` must pass to reach the MCID: (lower, upper),
        either None where that direction's MCID is unknown."""
        lower: float | None = None
        upper: float | None = None
        for line in self.mcid_lines(edss):
            size = line.size if line.unit == "points" else abs(baseline) * line.size / 100
            goes_down = (line.kind == "improvement") == (self.direction == "lower_is_better")
            if goes_down:
                lower = baseline - size
            else:
                upper = baseline + size
        return lower, upper

    def change_phrase(self, baseline: float, value: float) -> str:
        """``down 6 points (better)``, ``up 30 m (better)``, ``no change``."""
        change = value - baseline
        if abs(change) < BAND_EPSILON:
            return "no change"
        size = number_text(abs(change))
        unit = self.unit or ("point" if size == "1" else "points")
        better = (change < 0) == (self.direction == "lower_is_better")
        return f"{'down' if change < 0 else 'up'} {size} {unit} ({'better' if better else 'worse'})"

    def summary_text(
        self,
        value: float,
        *,
        date: datetime.date | None = None,
        baseline: tuple[datetime.date, float] | None = None,
    ) -> str:
        """The one-line clinical summary of ``value`` (measured on ``date``), with its change
        since ``baseline`` (date, value) when given. Clauses with no value are left out."""
        fields: dict[str, str | None] = {
            "label": self.label,
            "value": number_text(value),
            "unit": self.unit,
            "band": self.band_of(value),
            "date": date_text(date) if date else None,
            "baseline_value": number_text(baseline[1]) if baseline else None,
            "baseline_date": date_text(baseline[0]) if baseline else None,
            "change_phrase": self.change_phrase(baseline[1], value) if baseline else None,
        }
        clauses = []
        for clause in self.summary.split("; "):
            names = [name for _, name, _, _ in string.Formatter().parse(clause) if name]
            if all(fields[name] is not None for name in names):
                clauses.append(clause.format(**fields))
        return "; ".join(clauses)


_NO_BANDS = McidByEdss(cite="", bands=())


def _mcid_lines(mcid: Mcid | None) -> tuple[McidLine, ...]:
    if mcid is None or mcid.unit is None:
        return ()
    unit, source = mcid.unit, mcid.source
    sizes: list[tuple[float | None, float | None, tuple[float, float] | None]] = [
        (mcid.improvement, mcid.deterioration, None)
    ]
    sizes += [(b.improvement, b.deterioration, b.edss) for b in (mcid.by_edss or _NO_BANDS).bands]
    lines = []
    for improvement, deterioration, edss in sizes:
        if improvement is not None:
            lines.append(McidLine("improvement", improvement, unit, edss, source))
        if deterioration is not None:
            lines.append(McidLine("deterioration", deterioration, unit, edss, source))
    return tuple(lines)


def _value_labels(definition: Definition, link_id: str) -> tuple[tuple[float, str], ...]:
    if not definition.item_text_available:
        return ()
    scale_name = next(
        item.scale for item in definition.spec.scoring.items if item.link_id == link_id
    )
    scale = definition.spec.scoring.answer_scales[scale_name]
    item = next(i for i in definition.questionnaire["item"] if i["linkId"] == link_id)
    if scale.values is None:
        return tuple(sorted((float(key), text) for key, text in (scale.labels or {}).items()))
    labels: dict[float, str] = {}
    for option in item.get("answerOption") or []:
        (value,) = ordinal_values({"answerOption": [option]})
        display = str(option["valueCoding"].get("display", ""))
        if display and display != format_number(value):
            labels[value] = display
    return tuple(sorted(labels.items()))


def export_items(definition: Definition) -> tuple[ExportItem, ...]:
    """Every item of a definition as an export column, in questionnaire order."""
    texts = {item["linkId"]: item.get("text") for item in definition.questionnaire["item"]}
    prefix = definition.spec.export.item_prefix
    return tuple(
        ExportItem(
            link_id=link,
            column=item_column(prefix, link),
            label=str(texts[link]) if definition.item_text_available and texts.get(link) else None,
            value_labels=_value_labels(definition, link),
        )
        for link in definition.item_ids
    )


def build_presentation(definition: Definition, name: str) -> Presentation:
    """The presentation contract of score ``name`` of ``definition``."""
    spec = definition.score_spec(name)
    block = spec.presentation
    se_diff, sources = stored_se_difference(definition.reliability_for(name))
    rci = None
    if se_diff is not None:
        rci = Rci(se_diff, RELIABLE_Z * se_diff, (JACOBSON_TRUAX, *sources))
    items = [item for item in export_items(definition) if item.link_id in spec.items]
    return Presentation(
        code=definition.code,
        version=definition.version,
        title=definition.title,
        short_title=definition.spec.short_title,
        score=name,
        label=spec.label,
        unit=spec.unit,
        range=spec.range,
        axis=block.axis or spec.range,
        direction=spec.direction,
        bands=tuple(BandLine(band.from_, band.label) for band in spec.bands or ()),
        bands_source=spec.bands_source,
        mcid=_mcid_lines(definition.mcid_for(name)),
        rci=rci,
        summary=block.summary,
        column=block.export.column,
        items=tuple(items),
    )


__all__ = [
    "DIRECTION_LABELS",
    "PLACEHOLDERS",
    "BandLine",
    "ExportItem",
    "McidLine",
    "Presentation",
    "Rci",
    "build_presentation",
    "date_text",
    "export_items",
    "item_column",
    "number_text",
]
