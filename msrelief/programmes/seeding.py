"""Load the programme templates of the trials (``seed/templates.json``) safely and repeatably.

Each template's protocol (technique, body regions as described, minutes, sessions a week,
weeks, sessions in total, who delivered it) is copied from its evidence ``Arm``, so a value the
trial did not report stays empty. A template whose key exists is never changed: running the
load twice changes nothing the second time. Each template created is audited as made by the
system (no actor, no clinic).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.db import transaction

from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import regions
from msrelief.evidence.models import Arm
from msrelief.programmes import vocab
from msrelief.programmes.models import ProgrammeTemplate, TimePoint
from msrelief.scoring import get_definition

SEED_CHANGES = {"source": "seed"}
PROTOCOL = ("minutes_per_session", "minutes_per_session_max", "sessions_per_week", "weeks",
            "sessions_total")  # fmt: skip


class SeedError(ValueError):
    """The seed file is not valid, or the evidence base it refers to is not loaded."""


@dataclass(frozen=True)
class Entry:
    key: str
    study: str
    arm: str
    title: str
    regions: tuple[str, ...]
    regions_from: str
    time_points: tuple[dict[str, Any], ...]
    note: str


def entries() -> tuple[Entry, ...]:
    """The templates of the seed file, checked: known regions, labels and instruments."""
    text = resources.files("msrelief.programmes.seed").joinpath("templates.json").read_text()
    found = tuple(_entry(item) for item in json.loads(text)["templates"])
    keys = [entry.key for entry in found]
    if len(set(keys)) != len(keys):
        raise SeedError("two templates share a key")
    return found


def _entry(item: dict[str, Any]) -> Entry:
    key = item["key"]
    unknown = sorted(set(item["regions"]) - set(regions.LABELS))
    if unknown:
        raise SeedError(f"{key}: unknown body regions {unknown}")
    labels = dict(vocab.TIME_POINTS)
    for point in item["time_points"]:
        if point["label"] not in labels:
            raise SeedError(f"{key}: unknown time point label {point['label']!r}")
        for measure in point["instruments"]:
            if measure["code"]:
                try:
                    get_definition(measure["code"])
                except KeyError:
                    raise SeedError(f"{key}: unknown instrument {measure['code']!r}") from None
    return Entry(
        key=key,
        study=item["study"],
        arm=item["arm"],
        title=item["title"],
        regions=tuple(item["regions"]),
        regions_from=item["regions_from"],
        time_points=tuple(item["time_points"]),
        note=item["note"],
    )


def _whole(arm: Arm, name: str) -> int | None:
    value = getattr(arm, name)
    if value is None:
        return None
    if not float(value).is_integer():
        raise SeedError(f"{arm.study.key}/{arm.name}: {name} {value} is not a whole number")
    return int(value)


@transaction.atomic
def load(items: Iterable[Entry] | None = None) -> int:
    """Create every seed template that is missing; return how many were created."""
    items = tuple(items) if items is not None else entries()
    existing = set(ProgrammeTemplate.objects.values_list("key", flat=True))
    made = 0
    for entry in items:
        if entry.key in existing:
            continue
        arm = (
            Arm.objects.select_related("study")
            .filter(study__key=entry.study, name=entry.arm)
            .first()
        )
        if arm is None:
            raise SeedError(
                f"the evidence base has no arm {entry.arm!r} of study {entry.study!r}: "
                "load it first (msrelief load-evidence)"
            )
        _create(entry, arm)
        made += 1
    return made


def _create(entry: Entry, arm: Arm) -> ProgrammeTemplate:
    notes = [entry.note] if entry.note else []
    if entry.regions_from:
        notes.append(f"Body regions mapped by msrelief from {entry.regions_from}.")
    template = ProgrammeTemplate(
        key=entry.key,
        title=entry.title,
        arm=arm,
        source_study_key=arm.study.key,
        source_arm_label=arm.label,
        technique=arm.technique,
        body_regions_text=arm.body_regions,
        body_regions=list(entry.regions),
        delivered_by=arm.delivered_by,
        second_hand_fields=list(arm.second_hand_fields),
        notes="\n\n".join(notes),
        **{name: _whole(arm, name) for name in PROTOCOL},
    )
    template.full_clean()
    template.save()
    for point in entry.time_points:
        row = TimePoint(template=template, **point)
        row.full_clean(exclude=["template"])
        row.save()
    audit.record(
        None,
        Action.CREATE,
        template,
        clinic=None,
        changes=SEED_CHANGES,
        event="programme_template.created",
    )
    return template
