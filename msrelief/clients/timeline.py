"""A client's history in date order: every dated event of every history entry and consent, so
the therapist reads relapses, steroid courses, therapy changes, falls and conditions on one
line. Undated facts (a therapy whose start was never recorded) come last, said plainly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from msrelief.clients.models import Client, Recovery
from msrelief.clients.regions import label as region_label


@dataclass(frozen=True)
class Event:
    on: dt.date | None
    title: str
    detail: str
    kind: str  # the history kind, for the edit link ("" for consent)
    pk: int


def _areas(codes: list[str]) -> str:
    return ", ".join(region_label(code) for code in codes)


def events(client: Client) -> list[Event]:
    found: list[Event] = []
    add = found.append
    for relapse in client.relapses.all():
        recovery = Recovery(relapse.recovery).label.lower()
        add(Event(relapse.onset, "Relapse began", recovery, "relapse", relapse.pk))
        if relapse.steroid_start:
            add(Event(relapse.steroid_start, "Steroid course started", "", "relapse", relapse.pk))
        if relapse.steroid_end:
            add(Event(relapse.steroid_end, "Steroid course ended", "", "relapse", relapse.pk))
    for period in client.dmt_periods.all():
        name = period.name
        add(Event(period.started, f"Started {name}", period.get_route_display(), "dmt", period.pk))
        if period.last_dose:
            add(
                Event(
                    period.last_dose, f"Last infusion or injection of {name}", "", "dmt", period.pk
                )
            )
        if period.stopped:
            add(Event(period.stopped, f"Stopped {name}", "", "dmt", period.pk))
    for medicine in client.medicines.all():
        detail = medicine.get_group_display() if medicine.thins_blood else ""
        add(Event(medicine.started, f"Started {medicine.name}", detail, "medicine", medicine.pk))
        if medicine.stopped:
            add(Event(medicine.stopped, f"Stopped {medicine.name}", "", "medicine", medicine.pk))
    for fall in client.falls.all():
        add(Event(fall.on, "Fall", "injured" if fall.injured else "", "fall", fall.pk))
    for condition in client.conditions.all():
        title = condition.get_kind_display()
        detail = "; ".join(p for p in (_areas(condition.areas), condition.details) if p)
        add(Event(condition.since, f"{title}: noted", detail, "condition", condition.pk))
        if condition.until:
            add(Event(condition.until, f"{title}: ended", "", "condition", condition.pk))
    for goal in client.goals.all():
        add(Event(goal.set_on, "Goal set", goal.text, "goal", goal.pk))
        if goal.reviewed_on:
            add(Event(goal.reviewed_on, "Goal reviewed", goal.outcome, "goal", goal.pk))
    for consent in client.consents.all():
        add(
            Event(
                consent.consented_on,
                f"Consent given (version {consent.text_version})",
                "",
                "",
                consent.pk,
            )
        )
    dated = sorted((e for e in found if e.on is not None), key=lambda e: (e.on, e.title))
    return dated + [e for e in found if e.on is None]
