"""The mechanism map drawn as SVG, and its relations as sentences (pure Python, no Django).

Layout: one band (row) per entity group, top to bottom in the order the groups first appear in
``mechanisms.yaml``, with the group's entities side by side in file order, so that the drawing
stays as wide as the largest group and its text keeps its size. A relation shown to be a cause is a
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

BOX_W, BOX_H = 190, 64
COLUMN_STEP, ROW_STEP = 230, 136
MARGIN, BAND_HEAD = 24, 30
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


def _groups(mechanisms: MechanismMap) -> list[str]:
    return list(dict.fromkeys(entity.group for entity in mechanisms.entities))


def _widest(mechanisms: MechanismMap) -> int:
    groups = _groups(mechanisms)
    return max((sum(e.group == g for e in mechanisms.entities) for g in groups), default=1)


def layout(mechanisms: MechanismMap) -> dict[str, Box]:
    groups = _groups(mechanisms)
    widest = _widest(mechanisms)
    placed: dict[str, int] = {}
    boxes = {}
    for entity in mechanisms.entities:
        band = groups.index(entity.group)
        count = sum(e.group == entity.group for e in mechanisms.entities)
        slot = placed[entity.group] = placed.get(entity.group, -1) + 1
        offset = (widest - count) * COLUMN_STEP / 2  # a short band is centred
        fill, border = PALETTE[band % len(PALETTE)]
        x = MARGIN + offset + slot * COLUMN_STEP
        y = MARGIN + BAND_HEAD + band * ROW_STEP
        boxes[entity.id] = Box(entity, x, y, fill, border)
    return boxes


def size(mechanisms: MechanismMap) -> tuple[int, int]:
    width = MARGIN * 2 + _widest(mechanisms) * COLUMN_STEP - (COLUMN_STEP - BOX_W)
    bands = max(1, len(_groups(mechanisms)))
    return max(int(width), 560), MARGIN + bands * ROW_STEP + LEGEND_H


def _label(box: Box) -> str:
    lines = textwrap.wrap(box.entity.label, 22)[:3] or [""]
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


def _path(a: Box, b: Box, along: float = 0.5) -> tuple[str, float, float]:
    """The line from ``a`` to ``b`` and the point where its verb is written, ``along`` the
    way from ``a``."""
    ax, bx = a.x + BOX_W / 2, b.x + BOX_W / 2
    if a.y < b.y:  # down to a later band: bottom edge to top edge
        y1, y2 = a.y + BOX_H, b.y
    elif a.y > b.y:
        y1, y2 = a.y, b.y + BOX_H
    else:  # the same band: an arc above it, from top edge to top edge
        lift = a.y - BAND_HEAD + 6
        path = f"M{ax:g},{a.y:g} C{ax:g},{lift:g} {bx:g},{lift:g} {bx:g},{b.y:g}"
        return path, (ax + bx) / 2, lift + 12
    x, y = ax + (bx - ax) * along, y1 + (y2 - y1) * along + 5
    return f"M{ax:g},{y1:g} L{bx:g},{y2:g}", x, y


def _relation(relation: Relation, boxes: dict[str, Box], index: int) -> tuple[str, str]:
    """The relation's line, and its verb (drawn after the boxes, so that none hides it)."""
    a, b = boxes[relation.source], boxes[relation.target]
    # Lines between the same two bands have their middles at one height: alternate where the
    # verb is written so that neighbouring labels do not sit on each other.
    path, x, y = _path(a, b, 0.35 if index % 2 == 0 else 0.65)
    cause = relation.evidence == "cause"
    style = 'marker-end="url(#map-arrow)"' if cause else 'stroke-dasharray="7 6"'
    words = sentence(relation, a.entity, b.entity)
    line = (
        f"<g><title>{escape(words)}</title>"
        f'<path d="{path}" fill="none" stroke="{INK}" stroke-width="2" {style}/></g>'
    )
    verb = (
        f'<text x="{x:g}" y="{y:g}" text-anchor="middle" font-size="14" fill="{MUTED}" '
        f'stroke="{PAPER}" stroke-width="4" paint-order="stroke">{escape(relation.verb)}</text>'
    )
    return line, verb


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
    drawn = [_relation(r, boxes, i) for i, r in enumerate(mechanisms.relations)]
    width, height = size(mechanisms)
    causes = sum(r.evidence == "cause" for r in mechanisms.relations)
    description = (
        f"{len(mechanisms.entities)} parts of the body and of care, joined by "
        f"{len(mechanisms.relations)} relations: {causes} shown as causes (solid arrows) and "
        f"{len(mechanisms.relations) - causes} as associations (dashed lines). The list below "
        "the drawing gives every relation in words, with its source."
    )
    heads = "".join(
        f'<text x="{MARGIN}" y="{MARGIN + i * ROW_STEP + 16}" font-size="15" font-weight="700" '
        f'fill="{MUTED}">{escape(group.capitalize())}</text>'
        for i, group in enumerate(_groups(mechanisms))
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
        + "".join(line for line, _ in drawn)
        + "".join(_label(box) for box in boxes.values())
        + "".join(verb for _, verb in drawn)
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
