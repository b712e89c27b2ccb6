"""Gather what both client reports need: the progress (:func:`msrelief.reports.progress.build`)
with, per score, the baseline and the latest value and their bands, and the records of
:mod:`.records`; dated, with the clinic, the therapist and every instrument and scoring
version used. It computes nothing that the progress builder and the programmes' adherence do
not, and checks nothing: the caller (``reports.services``) decides who may see it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.clients.restriction import restriction_reason
from msrelief.programmes import adherence
from msrelief.reports import printing
from msrelief.reports.client_report import records
from msrelief.reports.progress.build import Construct, Progress, ReliefLine
from msrelief.reports.progress.build import build as build_progress
from msrelief.reports.progress.display import ConstructView, construct_view, relief_text

AUDIENCES = ("client", "clinician")


@dataclass(frozen=True)
class ScoreLine:
    """One score of one instrument: its first (baseline) and latest value, with their bands."""

    view: ConstructView
    baseline: tuple[dt.date, float]
    latest: tuple[dt.date, float]
    baseline_band: str | None
    latest_band: str | None

    @property
    def construct(self) -> Construct:
        return self.view.construct

    @property
    def repeated(self) -> bool:
        """True when there is a later score than the baseline to compare it with."""
        return len(self.construct.points) > 1


@dataclass(frozen=True)
class ClientReport:
    client: Client
    clinic: str
    therapist: str
    made_on: dt.date
    period: tuple[dt.date, dt.date] | None  # from the first score or programme to today
    progress: Progress
    scores: tuple[ScoreLine, ...]
    relief: tuple[tuple[ReliefLine, str], ...]  # each rating with its mean change in words
    adverse_events: tuple[records.AdverseLine, ...]
    signals: tuple[records.SignalLine, ...]
    screens: tuple[records.ScreenLine, ...]
    without_go_ahead: tuple[records.NoGoAheadLine, ...]
    programmes: tuple[records.ProgrammeLine, ...]
    adherence: adherence.Adherence
    questionnaires: records.Questionnaires
    history: tuple[records.HistoryLine, ...]
    restriction: str  # why nothing new may be done with the record, or ""
    software: str  # "msrelief 0.1.0"

    @property
    def versions(self) -> list[tuple[str, str, str]]:
        """(instrument, instrument version, scoring version) of every score in the report."""
        return self.progress.versions

    @property
    def ruleset_versions(self) -> list[str]:
        return sorted({screen.ruleset_version for screen in self.screens})


def score_line(construct: Construct, svg: bool = True) -> ScoreLine:
    first, last = construct.points[0], construct.points[-1]
    band_of = construct.presentation.band_of
    return ScoreLine(construct_view(construct, svg=svg), first, last, band_of(first[1]),
                     band_of(last[1]))  # fmt: skip


def _period(
    progress: Progress, programmes: list[records.ProgrammeLine], today: dt.date
) -> tuple[dt.date, dt.date] | None:
    starts = [c.points[0][0] for c in progress.constructs]
    starts += [line.start_date for line in programmes]
    return (min(starts), max(today, *starts)) if starts else None


def build(
    client: Client, today: dt.date | None = None, svg: bool = True, *, for_client: bool = False
) -> ClientReport:
    """The report of ``client`` on ``today`` (the clinic's today by default); ``svg`` False
    leaves the charts out (for a caller that only wants the figures). ``for_client`` builds
    the charts as the client's own portal page does, described in plain words (the client's
    report shows neither the trials nor the session relief)."""
    today = today or timezone.localdate()
    progress = build_progress(client, for_client=for_client)
    programmes = records.programmes(client)
    period = _period(progress, programmes, today)
    return ClientReport(
        client=client,
        clinic=client.clinic.name,
        therapist=str(client.therapist),
        made_on=today,
        period=period,
        progress=progress,
        scores=tuple(score_line(c, svg) for c in progress.constructs),
        relief=tuple((line, relief_text(line)) for line in progress.relief),
        adverse_events=tuple(records.adverse_events(client)),
        signals=tuple(records.signals(client)),
        screens=tuple(records.screens(client)),
        without_go_ahead=tuple(records.without_go_ahead(client)),
        programmes=tuple(programmes),
        adherence=adherence.combined(line.adherence for line in programmes),
        questionnaires=records.questionnaires(client),
        history=tuple(records.history(client, *period)) if period else (),
        restriction=restriction_reason(client),
        software=printing.software(),
    )
