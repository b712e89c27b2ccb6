"""The cohort report of a clinic: the queries' rows, one answer matrix per instrument version,
then :func:`compute.constructs` for each.

Scores of different versions of an instrument are never paired with each other (MSIS-29
version 1 and 2 answer on different scales): each version is its own row group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from msrelief.accounts.models import Clinic
from msrelief.reports.cohort.compute import (
    ConstructResult,
    Responses,
    answers_matrix,
    constructs,
)
from msrelief.reports.cohort.queries import (
    CohortFilters,
    ResponseRow,
    client_edss,
    cohort_clients,
    current_responses,
)
from msrelief.scoring import get_definition

#: Called before each step with (step number from 1, number of steps, what it is doing).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, eq=False)
class CohortReport:
    clinic: str
    filters: CohortFilters
    clients: int  # clients matching the filters
    n: int  # of them, clients with a baseline and an end on at least one score
    constructs: tuple[ConstructResult, ...]
    notes: tuple[str, ...]  # what was left out, and why


def _grouped(
    rows: list[ResponseRow], position: Mapping[int, int]
) -> dict[tuple[str, str], tuple[list[int], list[dict[str, object]]]]:
    groups: dict[tuple[str, str], tuple[list[int], list[dict[str, object]]]] = {}
    for row in rows:
        if row.client_id not in position:
            continue  # a client added after the client list was read
        owners, answers = groups.setdefault((row.instrument_code, row.instrument_version), ([], []))
        owners.append(position[row.client_id])
        answers.append(row.answers)
    return groups


def build_report(
    clinic: Clinic,
    filters: CohortFilters,
    progress: Progress | None = None,
    instrument: str = "",
) -> CohortReport:
    """The cohort of ``clinic`` under ``filters`` (of one instrument only, if given). It does
    not check who asks: :func:`msrelief.reports.services.cohort_report` does, and audits."""
    clients = cohort_clients(clinic, filters)
    edss_by_client = client_edss(clients)
    position = {pk: index for index, pk in enumerate(edss_by_client)}
    edss = np.array([np.nan if v is None else v for v in edss_by_client.values()], dtype=float)
    groups = _grouped(current_responses(clinic, clients, filters, instrument), position)
    results: list[ConstructResult] = []
    notes: list[str] = []
    for step, ((code, version), (owners, answers)) in enumerate(sorted(groups.items()), 1):
        if progress is not None:
            progress(step, len(groups), f"{code}@{version}: {len(answers):,} responses")
        try:
            definition = get_definition(code, version)
        except KeyError:
            notes.append(
                f"{len(answers)} responses to {code}@{version}, which msrelief no longer has"
            )
            continue
        matrix = answers_matrix(definition, answers)
        owned = Responses(definition, np.array(owners, dtype=np.int64), matrix)
        results += constructs(owned, edss)
    paired = {int(c) for result in results for c in result.pairs.clients}
    return CohortReport(
        clinic=clinic.name,
        filters=filters,
        clients=len(edss_by_client),
        n=len(paired),
        constructs=tuple(results),
        notes=tuple(notes),
    )
