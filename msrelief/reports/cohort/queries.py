"""Which clients and responses a cohort report reads.

The clients are the clinic's, narrowed by the filters: enrolled (at any time, in any status)
in a programme whose template has the given code, of a given type of MS, in an EDSS band. The
responses are those clients' current responses (a corrected response counts only through its
correction, at the time of the response it corrects), submitted within the date range
(inclusive, in the clinic's time zone). Three queries, whatever the clinic's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client
from msrelief.instruments.models import Response
from msrelief.programmes.models_sessions import Enrolment

#: EDSS bands of the filter: code -> (label, lowest, highest). Mild disability to 3.5, walking
#: unaided but limited at 4.0-5.5, a walking aid or more from 6.0 (Kurtzke 1983).
EDSS_BANDS: dict[str, tuple[str, Decimal, Decimal]] = {
    "0-3.5": ("EDSS 0 to 3.5", Decimal("0"), Decimal("3.5")),
    "4-5.5": ("EDSS 4 to 5.5", Decimal("4"), Decimal("5.5")),
    "6-10": ("EDSS 6 to 10", Decimal("6"), Decimal("10")),
}
EDSS_NOT_RECORDED = "none"


@dataclass(frozen=True)
class CohortFilters:
    programme: str = ""  # a programme template's code (its key)
    phenotype: str = ""
    edss_band: str = ""  # a key of EDSS_BANDS, EDSS_NOT_RECORDED, or "" for all
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def as_dict(self) -> dict[str, str]:
        """The filters that are set, as text (for the audit trail and the exports)."""
        values = {
            "programme": self.programme,
            "phenotype": self.phenotype,
            "edss_band": self.edss_band,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
        }
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True)
class ResponseRow:
    client_id: int
    instrument_code: str
    instrument_version: str
    answers: dict[str, Any]


def cohort_clients(clinic: Clinic, filters: CohortFilters) -> QuerySet[Client]:
    clients = Client.objects.filter(clinic=clinic)
    if filters.programme:
        enrolled = Enrolment.objects.filter(clinic=clinic, template__key=filters.programme)
        clients = clients.filter(pk__in=enrolled.values("client_id"))
    if filters.phenotype:
        clients = clients.filter(phenotype=filters.phenotype)
    if filters.edss_band == EDSS_NOT_RECORDED:
        clients = clients.filter(edss__isnull=True)
    elif filters.edss_band:
        _, low, high = EDSS_BANDS[filters.edss_band]
        clients = clients.filter(edss__gte=low, edss__lte=high)
    return clients


def client_edss(clients: QuerySet[Client]) -> dict[int, float | None]:
    """Every client of the cohort and their EDSS as recorded now (None if not recorded)."""
    return {
        pk: None if edss is None else float(edss)
        for pk, edss in clients.order_by("pk").values_list("pk", "edss")
    }


def _first_times(clinic: Clinic, clients: QuerySet[Client]) -> dict[int, dt.datetime]:
    """For every response that a correction replaced, when the response it corrects (the first
    of its chain) was submitted."""
    replaced = Response.objects.filter(
        clinic=clinic, client__in=clients.values("pk"), superseded_by__isnull=False
    ).values_list("pk", "supersedes_id", "submitted_at")
    links = {pk: (earlier, when) for pk, earlier, when in replaced}
    first: dict[int, dt.datetime] = {}
    for pk in links:
        earlier, when = links[pk]
        while earlier is not None and earlier in links:
            earlier, when = links[earlier]
        first[pk] = when
    return first


def current_responses(
    clinic: Clinic, clients: QuerySet[Client], filters: CohortFilters, instrument: str = ""
) -> list[ResponseRow]:
    """The clients' current responses (to ``instrument`` only, if given), grouped by client
    and, within one, oldest first.

    A correction stands where the response it corrects stood: its time, for the order and the
    date range, is when the first of its chain was submitted (a correction made today of last
    month's answers is last month's response).
    """
    wanted = Q(clinic=clinic, superseded_by__isnull=True, client__in=clients.values("pk"))
    if instrument:
        wanted &= Q(instrument_code=instrument)
    rows = Response.objects.filter(wanted).values_list(
        "pk", "client_id", "instrument_code", "instrument_version", "answers",
        "submitted_at", "supersedes_id",
    )  # fmt: skip
    first = _first_times(clinic, clients)
    found = []
    for pk, client_id, code, version, answers, submitted_at, supersedes in rows:
        when = submitted_at if supersedes is None else first.get(supersedes, submitted_at)
        day = timezone.localdate(when)
        if filters.date_from and day < filters.date_from:
            continue
        if filters.date_to and day > filters.date_to:
            continue
        found.append((client_id, when, pk, ResponseRow(client_id, code, version, answers)))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found]


def programme_choices(clinic: Clinic) -> list[tuple[str, str]]:
    """The programmes the clinic's clients have been enrolled in: (template code, title)."""
    used = (
        Enrolment.objects.filter(clinic=clinic)
        .values_list("template__key", "template__title")
        .order_by("template__title", "template__key")
        .distinct()
    )
    titles: dict[str, str] = {}
    for key, title in used:
        titles.setdefault(key, title)
    return sorted(titles.items(), key=lambda pair: (pair[1], pair[0]))
