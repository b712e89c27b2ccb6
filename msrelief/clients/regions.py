"""The body regions msrelief records (areas of sensory loss or spasticity, skin problems, an
implanted pump, and later the regions treated in a session): one controlled list, so the screen,
the body map and reports all speak of the same places.

SNOMED CT body-structure codes are not attached yet: none was checked against a terminology
release, and a code that was not checked is not shown (docs/clients.md).
"""

from __future__ import annotations

# (code, label), in head-to-foot order; left and right are the client's own.
REGIONS: tuple[tuple[str, str], ...] = (
    ("head", "Head and scalp"),
    ("face", "Face and jaw"),
    ("neck", "Neck"),
    ("shoulder_left", "Left shoulder"),
    ("shoulder_right", "Right shoulder"),
    ("upper_back", "Upper back"),
    ("lower_back", "Lower back"),
    ("chest", "Chest"),
    ("abdomen", "Abdomen"),
    ("arm_left", "Left arm"),
    ("arm_right", "Right arm"),
    ("hand_left", "Left hand"),
    ("hand_right", "Right hand"),
    ("hip_left", "Left hip and buttock"),
    ("hip_right", "Right hip and buttock"),
    ("thigh_left", "Left thigh"),
    ("thigh_right", "Right thigh"),
    ("lower_leg_left", "Left lower leg"),
    ("lower_leg_right", "Right lower leg"),
    ("foot_left", "Left foot"),
    ("foot_right", "Right foot"),
)
LABELS = dict(REGIONS)


def label(code: str) -> str:
    return LABELS.get(code, code)
