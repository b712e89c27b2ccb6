"""The mechanism map drawn as SVG, and its relations as sentences (pure Python, no Django).

Layout: one column per entity group, in the order the groups first appear in
``mechanisms.yaml``; entities top to bottom in file order. A relation shown to be a cause is a
solid line with an arrowhead; an association is a dashed line with no arrowhead, since it says
nothing about which way an effect runs. Every line carries its verb, a legend explains both
kinds, and the drawing is one ``role="img"`` with a title and a description. The SVG uses
presentation attributes only (no ``style``), so the Content-Security-Policy allows it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

from msrelief.learn.content import Entity, MechanismMap, Relation

BOX_W, BOX_H = 176, 56
COLUMN_STEP, ROW_STEP = 286, 92
MARGIN, TOP = 24, 56
LEGEND_H = 96
INK, MUTED, PAPER = "#1d2326", "#4a5559", "#ffffff"
# Fill and border of each group's boxes, in turn; every border is dark enough on its fill.
PALETTE = (
    ("#e6f0f0", "#155e63"),
    ("#fdf3dc", "#5c4300"),
    ("#e6eef7", "#1d3f6e"),
    ("#f3e8f5", "#5b2a6e"),
    ("#e8f3ec", "#0b4d23"),
    ("#fbeceb", "#8a1c14"),
)


@dataclass(frozen=True)
class Box:
    entity: Entity
    x: float
    y: float
    fill: str
    border: str

    @property
    def middle(self) -> float:
        return self.y + BOX_H / 2


def layout(mechanisms: MechanismMap) -> dict[str, Box]:
    groups = list(dict.fromkeys(entity.group for entity in mechanisms.entities))
    rows: dict[str, int] = {}
    boxes = {}
    for entity in mechanisms.entities:
        column = groups.index(entity.group)
        row = rows[entity.group] = rows.get(entity.group, -1) + 1
        fill, border = PALETTE[column % len(PALETTE)]
        x, y = MARGIN + column * COLUMN_STEP, TOP + row * ROW_STEP
        boxes[entity.id] = Box(entity, x, y, fill, border)
    return boxes


def size(mechanisms: MechanismMap) -> tuple[int, int]:
    groups = list(dict.fromkeys(entity.group for entity in mechanisms.entities))
    most = max((sum(e.group == g for e in mechanisms.entities) for g in groups), default=1)
    width = MARGIN * 2 + max(1, len(groups)) * COLUMN_STEP - (COLUMN_STEP - BOX_W)
    return max(width, 560), TOP + most * ROW_STEP + LEGEND_H


def _label(box: Box) -> str:
    lines = textwrap.wrap(box.entity.label, 20)[:3] or [""]
    first = box.middle - (len(lines) - 1) * 9 + 5
    spans = "".join(
        f'<tspan x="{box.x + BOX_W / 2:g}" y="{first + 18 * i:g}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<rect x="{box.x:g}" y="{box.y:g}" width="{BOX_W}" height="{BOX_H}" rx="8" '
        f'fill="{box.fill}" stroke="{box.border}" stroke-width="2"/>'
        f'<text text-anchor="middle" font-size="16" fill="{INK}">{spans}</text>'
    )


def _path(a: Box, b: Box) -> tuple[str, float, float]:
    """The line from ``a`` to ``b`` and the point where its verb is written."""
    if a.x < b.x:
        x1, x2 = a.x + BOX_W, b.x
    elif a.x > b.x:
        x1, x2 = a.x, b.x + BOX_W
    else:  # same column: a curve out to the right
        x1 = x2 = a.x + BOX_W
        bend = x1 + 70
        mid_y = (a.middle + b.middle) / 2
        return (f"M{x1:g},{a.middle:g} C{bend:g},{a.middle:g} {bend:g},{b.middle:g} "
                f"{x2:g},{b.middle:g}", bend - 14, mid_y)  # fmt: skip
    return f"M{x1:g},{a.middle:g} L{x2:g},{b.middle:g}", (x1 + x2) / 2, (a.middle + b.middle) / 2


def _relation(relation: Relation, boxes: dict[str, Box]) -> str:
    a, b = boxes[relation.source], boxes[relation.target]
    path, x, y = _path(a, b)
    cause = relation.evidence == "cause"
    style = 'marker-end="url(#map-arrow)"' if cause else 'stroke-dasharray="7 6"'
    words = sentence(relation, a.entity, b.entity)
    return (
        f"<g><title>{escape(words)}</title>"
        f'<path d="{path}" fill="none" stroke="{INK}" stroke-width="2" {style}/>'
        f'<text x="{x:g}" y="{y - 6:g}" text-anchor="middle" font-size="14" fill="{MUTED}" '
        f'stroke="{PAPER}" stroke-width="4" paint-order="stroke">{escape(relation.verb)}</text>'
        "</g>"
    )


def _legend(y: float) -> str:
    return (
        f'<g transform="translate({MARGIN},{y:g})">'
        f'<text x="0" y="0" font-size="15" font-weight="700" fill="{INK}">Key</text>'
        f'<path d="M0,24 L56,24" stroke="{INK}" stroke-width="2" marker-end="url(#map-arrow)"/>'
        f'<text x="70" y="29" font-size="15" fill="{INK}">Cause: studies show one leads to '
        "the other</text>"
        f'<path d="M0,56 L56,56" stroke="{INK}" stroke-width="2" stroke-dasharray="7 6"/>'
        f'<text x="70" y="61" font-size="15" fill="{INK}">Association: they go together; '
        "a cause is not shown</text></g>"
    )


def draw(mechanisms: MechanismMap, title: str = "Mechanism map") -> str:
    """The whole map as one SVG element."""
    boxes = layout(mechanisms)
    width, height = size(mechanisms)
    causes = sum(r.evidence == "cause" for r in mechanisms.relations)
    description = (
        f"{len(mechanisms.entities)} parts of the body and of care, joined by "
        f"{len(mechanisms.relations)} relations: {causes} shown as causes (solid arrows) and "
        f"{len(mechanisms.relations) - causes} as associations (dashed lines). The list below "
        "the drawing gives every relation in words, with its source."
    )
    groups = list(dict.fromkeys(entity.group for entity in mechanisms.entities))
    heads = "".join(
        f'<text x="{MARGIN + i * COLUMN_STEP + BOX_W / 2:g}" y="{TOP - 20}" text-anchor="middle" '
        f'font-size="15" font-weight="700" fill="{MUTED}">{escape(group.capitalize())}</text>'
        for i, group in enumerate(groups)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="map-title map-desc">'
        f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(description)}'
        "</desc><defs>"
        '<marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        f'markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{INK}"/></marker></defs>'
        f'<rect width="{width}" height="{height}" fill="{PAPER}"/>{heads}'
        + "".join(_relation(relation, boxes) for relation in mechanisms.relations)
        + "".join(_label(box) for box in boxes.values())
        + _legend(height - LEGEND_H + 24)
        + "</svg>"
    )


def _plural(label: str) -> bool:
    last = label.split()[-1].lower() if label.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "is", "us"))


def _lower(label: str) -> str:
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def sentence(relation: Relation, source: Entity, target: Entity) -> str:
    """The relation in words: "Immune cells attack myelin"."""
    plural = _plural(source.label)
    if relation.kind == "associated_with":
        verb = "are associated with" if plural else "is associated with"
    else:
        verb = relation.kind[:-1] if plural and relation.kind.endswith("s") else relation.kind
    return f"{source.label} {verb} {_lower(target.label)}"
