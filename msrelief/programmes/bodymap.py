"""The body map's drawing: a front and a back view made of simple shapes, one selectable shape
for each region of ``clients/regions.py``, plus plain shapes that only complete the outline.
Drawn for msrelief (no copied artwork). Pure Python: the template turns each shape into an SVG
element and ``static/js/body-map.js`` ties each selectable shape to its checkbox.

Left and right are the client's own: on the front view the client's left is on your right; on
the back view it is on your left. Each region is selectable in one view only (where it is
treated from), so a keyboard user meets each region once.
"""

from __future__ import annotations

from dataclasses import dataclass

from msrelief.clients import regions

WIDTH, HEIGHT = 200, 410


@dataclass(frozen=True)
class Shape:
    kind: str  # rect or ellipse
    x: float  # rect: left; ellipse: centre
    y: float  # rect: top; ellipse: centre
    w: float  # rect: width; ellipse: x radius
    h: float  # rect: height; ellipse: y radius
    region: str = ""  # the region code; empty for an outline-only shape

    @property
    def label(self) -> str:
        return regions.label(self.region) if self.region else ""


def _rect(x: float, y: float, w: float, h: float, region: str = "") -> Shape:
    return Shape("rect", x, y, w, h, region)


def _oval(cx: float, cy: float, rx: float, ry: float, region: str = "") -> Shape:
    return Shape("ellipse", cx, cy, rx, ry, region)


def _limbs(near: str, far: str, arms: bool, legs: bool) -> list[Shape]:
    """Arms, hands, legs and feet: ``near`` is the side drawn on the viewer's left."""
    shapes = []
    for side, arm_x, leg_x in ((near, 38, 72), (far, 140, 102)):
        shapes += [
            _rect(arm_x, 90, 22, 140, f"arm_{side}" if arms else ""),
            _oval(arm_x + 11, 250, 14, 18, f"hand_{side}" if arms else ""),
            _rect(leg_x, 238, 26, 72, f"thigh_{side}" if legs else ""),
            _rect(leg_x + 2, 312, 22, 68, f"lower_leg_{side}" if legs else ""),
            _oval(leg_x + 13, 392, 15, 12, f"foot_{side}" if legs else ""),
        ]
    return shapes


FRONT: tuple[Shape, ...] = (
    _oval(100, 38, 24, 30, "face"),
    _rect(88, 68, 24, 20),
    _rect(64, 88, 72, 62, "chest"),
    _rect(66, 150, 68, 52, "abdomen"),
    _rect(68, 202, 64, 34),
    *_limbs("right", "left", arms=True, legs=True),
)
BACK: tuple[Shape, ...] = (
    _oval(100, 38, 24, 30, "head"),
    _rect(86, 66, 28, 22, "neck"),
    _rect(48, 88, 38, 24, "shoulder_left"),
    _rect(114, 88, 38, 24, "shoulder_right"),
    _rect(66, 112, 68, 48, "upper_back"),
    _rect(68, 160, 64, 42, "lower_back"),
    _rect(68, 202, 32, 34, "hip_left"),
    _rect(100, 202, 32, 34, "hip_right"),
    *_limbs("left", "right", arms=False, legs=False),
)


def _on_top(shapes: tuple[Shape, ...]) -> tuple[Shape, ...]:
    """Outline shapes first, so that no plain shape lies over a selectable one."""
    return tuple(sorted(shapes, key=lambda shape: bool(shape.region)))


VIEWS: tuple[tuple[str, str, tuple[Shape, ...]], ...] = (
    ("front", "Front: the client's left is on your right", _on_top(FRONT)),
    ("back", "Back: the client's left is on your left", _on_top(BACK)),
)


def drawn_regions() -> list[str]:
    """Every region code drawn, in drawing order (each once)."""
    return [shape.region for _, _, shapes in VIEWS for shape in shapes if shape.region]
