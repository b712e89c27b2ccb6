"""Data for the tests of the clinic beside the trials: two trials with per-group numbers on one
questionnaire score (through the evidence services), and clinic clients' responses to it
(through the instruments service), as an editor and staff would enter them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msrelief.evidence import services as evidence
from msrelief.evidence.tests.conftest import make_arms, make_reference, make_study
from msrelief.instruments import services as measures
from msrelief.reports.tests.helpers import enter_phq9
from msrelief.testing import make_client_record

#: Massage and usual care at six weeks: (mean, SD) of each group, 20 in each.
TRIALS = {"trial1": [(8.0, 4.0), (11.0, 4.5)], "trial2": [(9.0, 5.0), (10.5, 5.0)]}
#: PHQ-9 totals of four clients (first to last): every one but the second falls.
FALLING = [(18, 12, 9), (10, 11, 6), (20, 14, 15), (7, 7, 3)]


def two_trials(actor: Any, **result: Any) -> None:
    """Two trials of "Depression" on PHQ-9 (unless ``result`` says otherwise), lower is better."""
    fields = {"construct": "Depression", "direction": "lower is better",
              "instrument_code": "phq9", "score_name": "", **result}  # fmt: skip
    for key, values in TRIALS.items():
        study = make_study(actor, make_reference(actor, key=key), key=key)
        arms = make_arms(actor, study, n=20)
        for arm, (mean, sd) in zip(arms, values, strict=True):
            evidence.create_result(
                actor, study, key=f"{key}-{arm.name}", scope="arm", arm=arm,
                time_point="after 6 weeks", time_point_weeks=6, mean=mean, sd=sd,
                verification_status="abstract_only", **fields,
            )  # fmt: skip


def phq9_clients(actor: Any, series: list[tuple[int, ...]] = FALLING) -> list[Any]:
    """One client of ``actor``'s clinic for each series of PHQ-9 totals, a week apart."""
    clients = []
    for number, totals in enumerate(series):
        client = make_client_record(actor, display_name=f"Client {number}")
        enter_phq9(actor, client, list(totals))
        clients.append(client)
    return clients


def who5_clients(actor: Any, series: list[tuple[int, ...]]) -> None:
    """Clients with WHO-5 responses whose raw sums (0-25) are ``series``, a week apart."""
    for number, sums in enumerate(series):
        client = make_client_record(actor, display_name=f"Client {number}")
        for week, raw in enumerate(sums):
            answers = {
                str(item): float(min(5, max(0, raw - 5 * (item - 1)))) for item in range(1, 6)
            }
            day = dt.date(2026, 3, 2) + dt.timedelta(weeks=week)
            measures.enter_response(actor, client, "who5", answers, completed_on=day)
