"""The programmes' controlled vocabularies: time point labels, massage techniques, the kinds
and severities of an adverse event, and the 0-10 ratings taken before and after a session.
Pure Python (no Django), so the seed data, its check and the forms share one list."""

from __future__ import annotations

# A time point's label, in the order of a programme.
TIME_POINTS: tuple[tuple[str, str], ...] = (
    ("baseline", "Baseline"),
    ("mid", "Mid-programme"),
    ("end", "End of programme"),
    ("follow_up", "Follow-up"),
)

TECHNIQUES: tuple[tuple[str, str], ...] = (
    ("effleurage", "Effleurage (gliding strokes)"),
    ("petrissage", "Petrissage (kneading)"),
    ("friction", "Friction"),
    ("tapotement", "Tapotement (percussion)"),
    ("vibration", "Vibration"),
    ("stretching", "Passive stretching"),
    ("myofascial", "Myofascial release"),
    ("trigger_point", "Trigger point pressure"),
    ("reflexology", "Reflexology"),
    ("lymphatic", "Manual lymphatic drainage"),
    ("slow_stroke", "Slow-stroke back massage"),
    ("other", "Other (say which in the notes)"),
)

ADVERSE_EVENT_KINDS: tuple[tuple[str, str], ...] = (
    ("soreness", "Soreness or more pain after the session"),
    ("bruising", "Bruising"),
    ("skin", "Skin reaction (redness, rash, irritation)"),
    ("dizziness", "Dizziness or light-headedness"),
    ("fall", "Fall or near fall"),
    ("heat", "Symptoms worse with warmth (heat sensitivity)"),
    ("spasm", "More stiffness or spasms"),
    ("fatigue", "Unusual tiredness after the session"),
    ("nausea", "Nausea"),
    ("other", "Other (describe it)"),
)

SEVERITIES: tuple[tuple[str, str], ...] = (
    ("mild", "Mild: noticed, needed no treatment"),
    ("moderate", "Moderate: needed advice or simple treatment"),
    ("severe", "Severe: needed medical care, or stopped the programme"),
)

# The session ratings: (instrument code, what it rates), in the order the page shows them.
RATINGS: tuple[tuple[str, str], ...] = (
    ("nrs-pain", "Pain"),
    ("nrs-stiffness", "Stiffness"),
    ("nrs-stress", "Stress"),
    ("nrs-fatigue", "Fatigue"),
    ("nrs-relaxation", "Relaxation"),
)
PHASES: tuple[tuple[str, str], ...] = (("pre", "Before the session"), ("post", "After the session"))


def label(pairs: tuple[tuple[str, str], ...], code: str) -> str:
    return dict(pairs).get(code, code)
