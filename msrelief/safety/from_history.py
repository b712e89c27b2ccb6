"""The screen's answers that the client's dated history already holds (clients.models_history),
each with the entry it came from, so the pre-session page asks only what can change from day
to day and shows the rest as facts. Nothing is guessed: a fact the history does not hold is
left out, and the screen lists it as unanswered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from msrelief.clients.models import Client, ConditionKind, Drug, Route
from msrelief.clients.regions import label as region_label

# The infusions the screen's rules know by name (R18, R32); any other infusion is "other".
NAMED_INFUSIONS = {Drug.OCRELIZUMAB, Drug.NATALIZUMAB, Drug.ALEMTUZUMAB}
# Screen answer key -> the condition whose being ongoing sets it.
CONDITION_FLAGS = {
    "heat_sensitive": (ConditionKind.HEAT_SENSITIVITY,),
    "spasticity": (ConditionKind.SPASTICITY,),
    "orthostatic_dizziness": (ConditionKind.ORTHOSTATIC,),
    "bladder_urgency": (ConditionKind.BLADDER,),
    "thin_bones": (ConditionKind.OSTEOPOROSIS, ConditionKind.LONG_STEROIDS),
    "baclofen_pump": (ConditionKind.BACLOFEN_PUMP,),
    "skin_breakdown": (ConditionKind.SKIN,),
}


@dataclass(frozen=True)
class Fact:
    key: str
    value: Any
    said: str  # where it came from, for the page: "Relapse began 21 Nov 2026"


def _ongoing(since: dt.date | None, until: dt.date | None, on: dt.date) -> bool:
    return (since is None or since <= on) and (until is None or until >= on)


def facts(client: Client, on: dt.date) -> list[Fact]:
    """The history's answers to the screen for a session on ``on``."""
    found: list[Fact] = []
    relapses = [r for r in client.relapses.all() if r.onset <= on]
    if relapses:
        latest = max(relapses, key=lambda r: r.onset)
        found.append(Fact("relapse_onset", latest.onset, f"Relapse began {latest.onset:%d %b %Y}"))
        if latest.steroid_end:
            end = latest.steroid_end
            found.append(Fact("steroids_end", end, f"Steroid course ended {end:%d %b %Y}"))
    infusions = [
        p for p in client.dmt_periods.all()
        if p.route == Route.INFUSION and p.last_dose is not None and p.last_dose <= on
    ]  # fmt: skip
    if infusions:
        latest_dose = max(infusions, key=lambda p: p.last_dose or on)
        drug = latest_dose.drug if latest_dose.drug in NAMED_INFUSIONS else "other"
        when = latest_dose.last_dose
        assert when is not None
        found.append(
            Fact("last_infusion", {"drug": str(drug), "date": when},
                 f"Last infusion of {latest_dose.name} on {when:%d %b %Y}")
        )  # fmt: skip
    conditions = [c for c in client.conditions.all() if _ongoing(c.since, c.until, on)]
    for key, kinds in CONDITION_FLAGS.items():
        matching = [c for c in conditions if c.kind in kinds]
        if matching:
            found.append(Fact(key, True, "; ".join(str(c) for c in matching)))
    sensory = [c for c in conditions if c.kind == ConditionKind.SENSORY_LOSS]
    areas = [region_label(area) for c in sensory for area in c.areas]
    if areas:
        found.append(Fact("sensory_loss_areas", areas, "Reduced or altered sensation"))
    elif sensory:
        found.append(Fact("sensory_loss_areas", ["area not recorded"], str(sensory[0])))
    pregnancy = [c for c in conditions if c.kind == ConditionKind.PREGNANCY and c.since]
    if pregnancy:
        since = pregnancy[0].since
        assert since is not None
        weeks = (on - since).days // 7
        if 0 <= weeks <= 45:
            found.append(Fact("pregnant_weeks", weeks, f"Pregnancy from {since:%d %b %Y}"))
    thinners = [
        m for m in client.medicines.all()
        if m.thins_blood and _ongoing(m.started, m.stopped, on)
    ]  # fmt: skip
    if thinners:
        found.append(Fact("anticoagulant", True, ", ".join(m.name for m in thinners)))
    return found


def falls_last_year(client: Client, on: dt.date) -> int:
    """The falls recorded in the 12 months before ``on``: the pre-session form's starting value,
    which the therapist confirms (a fall nobody recorded is not in the history)."""
    year_ago = on - dt.timedelta(days=365)
    return sum(1 for fall in client.falls.all() if year_ago < fall.on <= on)
