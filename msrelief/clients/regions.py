"""The body regions msrelief records (areas of sensory loss or spasticity, skin problems, an
implanted pump, the regions treated in a session): one controlled list, so the screen, the body
map and reports all speak of the same places.

A region has a SNOMED CT body-structure code only where one was found, with the same meaning,
in a published FHIR value set (``SNOMED`` names the set). The others have none: a code that
was not checked is never shown (docs/clients.md).
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

# region: (SNOMED CT concept id, its display, the value set it was read in)
SNOMED: dict[str, tuple[str, str, str]] = {
    "thigh_left": (
        "61396006",
        "Structure of left thigh",
        "HL7 Norway, no-domain vital signs: NoDomainVitalSignsBloodPressureBodySiteValueSet",
    ),
    "thigh_right": (
        "11207009",
        "Structure of right thigh",
        "HL7 Norway, no-domain vital signs: NoDomainVitalSignsBloodPressureBodySiteValueSet",
    ),
    "abdomen": (
        "818983003",
        "Abdomen",
        "HL7 Europe, eHDSI Body Site value set 8.1.0 (SNOMED CT International, February 2025)",
    ),
    "lower_back": (
        "37822005",
        "Lower back structure",
        "ACC FHIR implementation guide (acc-fhir-publisher/icp), bodySite value set",
    ),
}


def label(code: str) -> str:
    return LABELS.get(code, code)


def snomed(code: str) -> str:
    """The region's SNOMED CT concept id, or "" where none was checked."""
    found = SNOMED.get(code)
    return found[0] if found else ""
