"""The responses an export reads: the clinic's current responses, streamed in chunks.

Only current responses are exported: a response that a correction replaced is left out and
the correction stands in its place, dated as the response it corrects was (as in the cohort
report). The responses come in the order they were stored, :data:`CHUNK` at a time with their
scores, so memory stays bounded and the number of queries grows with the number of chunks,
never with the number of rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client
from msrelief.instruments.models import Response, Score
from msrelief.reports.cohort.queries import _first_times
from msrelief.scoring import get_definition
from msrelief.scoring.definition import Definition

CHUNK = 500


@dataclass(frozen=True)
class Record:
    """One current response with the values of its latest score of its definition's scoring."""

    response: int
    client: int  # the client's number, never the name
    instrument: str
    version: str
    scoring_version: str
    submitted: dt.date
    answers: dict[str, Any]
    scores: dict[str, float | None]  # score name -> value


@dataclass(frozen=True)
class ExportPlan:
    """What an export will hold, known before the first row is written."""

    clinic: Clinic
    definitions: tuple[Definition, ...]  # the instrument versions answered, sorted
    counts: dict[str, int]  # definition key -> current responses to it
    unknown: dict[str, int]  # code@version that msrelief no longer has -> responses left out

    @property
    def responses(self) -> int:
        return sum(self.counts.values())


def current(clinic: Clinic) -> QuerySet[Response]:
    return Response.objects.filter(clinic=clinic, superseded_by__isnull=True)


def plan_export(clinic: Clinic) -> ExportPlan:
    """The instrument versions of ``clinic``'s current responses and how many of each."""
    grouped = (
        current(clinic)
        .values_list("instrument_code", "instrument_version")
        .annotate(n=Count("pk"))
        .order_by("instrument_code", "instrument_version")
    )
    definitions: list[Definition] = []
    counts: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for code, version, n in grouped:
        try:
            definition = get_definition(code, version)
        except KeyError:
            unknown[f"{code}@{version}"] = n
            continue
        definitions.append(definition)
        counts[definition.key] = n
    return ExportPlan(clinic, tuple(definitions), counts, unknown)


def _score_values(
    definition: Definition, stored: list[tuple[Any, ...]]
) -> tuple[str, dict[str, float | None]]:
    """The scoring version and values of the score of this definition's scoring, else the
    latest (``stored`` is newest first)."""
    if not stored:
        return "", {}
    wanted = [row for row in stored if row[0] == definition.scoring_version]
    version, total, subscales = (wanted or stored)[0]
    values = {
        name: (total if name == "total" else subscales.get(name)) for name in definition.score_names
    }
    return version, values


def _scores_of(pks: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    rows = (
        Score.objects.filter(response_id__in=pks)
        .order_by("response_id", "-computed_at", "-id")
        .values_list("response_id", "scoring_version", "total", "subscales")
    )
    found: dict[int, list[tuple[Any, ...]]] = {}
    for response_id, *rest in rows:
        found.setdefault(response_id, []).append(tuple(rest))
    return found


def records(plan: ExportPlan) -> Iterator[Record]:
    """Every current response of the plan's known instrument versions, oldest stored first."""
    known = {definition.key: definition for definition in plan.definitions}
    clients = Client.objects.filter(clinic=plan.clinic)
    first = _first_times(plan.clinic, clients)
    columns = (
        "pk", "client_id", "instrument_code", "instrument_version", "answers",
        "submitted_at", "supersedes_id",
    )  # fmt: skip
    after = 0
    while True:
        chunk = list(
            current(plan.clinic).filter(pk__gt=after).order_by("pk").values_list(*columns)[:CHUNK]
        )
        if not chunk:
            return
        after = chunk[-1][0]
        scores = _scores_of([row[0] for row in chunk])
        for pk, client, code, version, answers, submitted_at, supersedes in chunk:
            definition = known.get(f"{code}@{version}")
            if definition is None:
                continue
            when = submitted_at if supersedes is None else first.get(supersedes, submitted_at)
            scoring, values = _score_values(definition, scores.get(pk, []))
            yield Record(
                pk, client, code, version, scoring or definition.scoring_version,
                timezone.localdate(when), answers, values,
            )  # fmt: skip


__all__ = ["CHUNK", "ExportPlan", "Record", "plan_export", "records"]
