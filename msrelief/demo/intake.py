"""The demo clients' MS history: a therapy period for those on a DMT, their other medicines,
and for a few clients the history that the pre-session screen acts on (heat sensitivity, a
relapse ten days ago with its steroid course, spasticity, sensory loss, a fall, an anticoagulant,
an injection site). All of it is invented for the demo and entered through the audited
history services, with dates counted back from the day ``load-demo`` runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients import history_services as history
from msrelief.clients.models import Client, Drug

ROUTES = {
    Drug.OCRELIZUMAB: "infusion",
    Drug.NATALIZUMAB: "infusion",
    Drug.OFATUMUMAB: "injection",
    Drug.DIMETHYL_FUMARATE: "tablet",
    Drug.TERIFLUNOMIDE: "tablet",
}

# Extra history by client name: (kind, fields with dates as "days ago").
EXTRA: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {
    "Ana Demo-Rowan": (
        (
            "condition",
            {
                "kind": "heat_sensitivity",
                "since": 2000,
                "details": "Legs feel heavier after a hot bath or in a warm room.",
            },
        ),
        ("goal", {"text": "Sleep through the night more often.", "set_on": 240}),
    ),
    "B. Demo-Hale": (
        (
            "condition",
            {"kind": "spasticity", "since": 3000, "areas": ["thigh_left", "lower_leg_left"]},
        ),
        ("condition", {"kind": "walking_aid", "since": 900, "details": "One stick outdoors."}),
        ("fall", {"on": 75, "injured": False, "notes": "Tripped on a kerb."}),
        ("goal", {"text": "Less stiffness in my left leg in the mornings.", "set_on": 240}),
    ),
    "D. Demo-Okafor": (
        ("relapse", {"onset": 10, "steroid_start": 8, "steroid_end": 4, "recovery": "not_yet"}),
        ("condition", {"kind": "sensory_loss", "since": 400, "areas": ["foot_left", "foot_right"]}),
    ),
    "F. Demo-Marsh": (
        ("condition", {"kind": "osteoporosis", "since": 700}),
        ("fall", {"on": 200, "injured": True, "notes": "Bruised hip, no fracture."}),
    ),
    "K. Demo-Tembo": (
        ("condition", {"kind": "bladder", "since": 1200}),
        ("condition", {"kind": "orthostatic", "since": 300}),
    ),
}
ANTICOAGULANTS = {"F. Demo-Marsh": "apixaban 5 mg twice a day"}


def _dates(fields: dict[str, Any]) -> dict[str, Any]:
    today = timezone.localdate()
    dated = ("since", "onset", "steroid_start", "steroid_end", "on", "set_on")
    return {
        name: today - dt.timedelta(days=value) if name in dated else value
        for name, value in fields.items()
    }


def enter_history(actor: User, client: Client, dmt: str, medicines: list[str]) -> None:
    today = timezone.localdate()
    if dmt:
        fields: dict[str, Any] = {"drug": dmt, "route": ROUTES.get(Drug(dmt), "unknown"),
                                  "started": today - dt.timedelta(days=1500)}  # fmt: skip
        if fields["route"] in ("infusion", "injection"):
            fields["last_dose"] = today - dt.timedelta(days=40)
        history.add_entry(actor, client, "dmt", fields)
    for name in medicines:
        history.add_entry(actor, client, "medicine", {"name": name})
    if client.display_name in ANTICOAGULANTS:
        medicine = {"name": ANTICOAGULANTS[client.display_name], "group": "anticoagulant"}
        history.add_entry(actor, client, "medicine", medicine)
    for kind, entry in EXTRA.get(client.display_name, ()):
        history.add_entry(actor, client, kind, _dates(entry))
