"""Gather a client's progress: per construct (one score of one instrument) the points, the
chart in its wide and compact variants, the change from baseline with its judgement, and the
trial results beside it; then the session-level relief of each 0-10 rating.

The change judgement is :func:`msrelief.scoring.judge_change` (the same as the measures page,
``instruments.progress``), the comparators are :func:`msrelief.evidence.comparators.comparators`
and the relief interval is :func:`msrelief.stats.relief.session_relief`: nothing is computed
here that those do not. The queries are bounded: seven, plus one per construct for its trials
(five and none for the client's own page, ``for_client=True``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from msrelief.charts.chart import Chart, ChartError
from msrelief.charts.trajectory import Event, Period, trajectory_chart
from msrelief.clients.models import Client
from msrelief.evidence.comparators import CAVEAT, Comparator, comparators
from msrelief.instruments.models import Response, Score
from msrelief.programmes import vocab
from msrelief.programmes.models import SessionRating
from msrelief.reports.progress import marks
from msrelief.scoring import ChangeResult, ScoringError, get_definition, judge_change
from msrelief.scoring.contract import Presentation
from msrelief.scoring.definition import Definition
from msrelief.stats.relief import Relief, session_relief

__all__ = ["CAVEAT", "Construct", "Progress", "ReliefLine", "build"]


@dataclass(frozen=True)
class Construct:
    """One score of one instrument over time."""

    code: str
    instrument_version: str
    scoring_version: str
    score_name: str
    presentation: Presentation
    points: tuple[tuple[dt.date, float], ...]
    wide: Chart | None  # None: the scores cannot be drawn (the reason is in ``problem``)
    compact: Chart | None
    problem: str
    change: ChangeResult | None  # the latest against the first; None with one score
    comparators: tuple[Comparator, ...]


@dataclass(frozen=True)
class ReliefLine:
    code: str
    label: str  # "Pain"
    relief: Relief


@dataclass(frozen=True)
class Progress:
    client: Client
    constructs: tuple[Construct, ...]
    relief: tuple[ReliefLine, ...]
    periods: tuple[Period, ...]
    events: tuple[Event, ...]
    edss: float | None

    @property
    def versions(self) -> list[tuple[str, str, str]]:
        """(instrument title, instrument version, scoring version) of every instrument used."""
        seen = {(c.presentation.title, c.instrument_version, c.scoring_version)
                for c in self.constructs}  # fmt: skip
        return sorted(seen)


def _score_of(response: Response, definition: Definition) -> Score | None:
    scores = list(response.scores.all())
    wanted = [s for s in scores if s.scoring_version == definition.scoring_version]
    chosen = wanted or scores
    return chosen[0] if chosen else None


def _value(score: Score, name: str) -> float | None:
    value = score.total if name == "total" else score.subscales.get(name)
    return None if value is None else float(value)


def _responses(client: Client) -> dict[str, list[Response]]:
    rated = SessionRating.objects.filter(session__enrolment__client=client).values("response_id")
    rows = (
        Response.objects.filter(client=client, superseded_by__isnull=True)
        .exclude(pk__in=rated)
        .prefetch_related("scores")
        .order_by("answered_at", "id")
    )
    by_code: dict[str, list[Response]] = defaultdict(list)
    for response in rows:
        by_code[response.instrument_code].append(response)
    return by_code


def _trials(code: str, name: str) -> tuple[Comparator, ...]:
    try:
        return tuple(comparators(code, name))
    except ValidationError:
        return ()  # the evidence base does not know this instrument or score


def _charts(
    presentation: Presentation,
    points: list[tuple[dt.date, float]],
    progress_marks: tuple[tuple[Period, ...], tuple[Event, ...]],
    edss: float | None,
    plain: bool,
) -> tuple[Chart | None, Chart | None, str]:
    periods, events = progress_marks
    try:
        wide, compact = (
            trajectory_chart(presentation, points, periods=periods, events=events, edss=edss,
                             compact=compact, plain=plain)
            for compact in (False, True)
        )  # fmt: skip
    except ChartError as error:
        return None, None, str(error)
    return wide, compact, ""


def _constructs(
    client: Client, progress_marks: tuple[tuple[Period, ...], tuple[Event, ...]],
    edss: float | None, for_client: bool,
) -> list[Construct]:  # fmt: skip
    found = []
    for code, rows in sorted(_responses(client).items()):
        definition = get_definition(code, rows[-1].instrument_version)
        for name in definition.score_names:
            dated = []
            for response in rows:
                score = _score_of(response, definition)
                value = None if score is None else _value(score, name)
                if value is not None:
                    dated.append((timezone.localdate(response.answered_at), value))
            if not dated:
                continue
            presentation = definition.presentation(name)
            change = None
            if len(dated) >= 2:
                try:
                    change = judge_change(definition, dated[0][1], dated[-1][1], name, edss=edss)
                except (ScoringError, KeyError):
                    change = None
            wide, compact, problem = _charts(presentation, dated, progress_marks, edss,
                                             for_client)  # fmt: skip
            found.append(
                Construct(code, rows[-1].instrument_version, definition.scoring_version, name,
                          presentation, tuple(dated), wide, compact, problem, change,
                          () if for_client else _trials(code, name))
            )  # fmt: skip
    return found


def _relief(client: Client) -> list[ReliefLine]:
    ratings = (
        SessionRating.objects.filter(session__enrolment__client=client)
        .select_related("response")
        .prefetch_related("response__scores")
        .order_by("session__starts_at", "session_id", "id")
    )
    by_code: dict[str, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for rating in ratings:
        score = next(iter(rating.response.scores.all()), None)
        if score is not None and score.total is not None:
            by_code[rating.instrument_code][rating.session_id][rating.phase] = score.total
    lines = []
    for code, label in vocab.RATINGS:
        sessions = by_code.get(code, {})
        pairs = [(s["pre"], s["post"]) for s in sessions.values() if "pre" in s and "post" in s]
        if not pairs:
            continue
        direction = get_definition(code).presentation("total").direction
        lines.append(ReliefLine(code, label, session_relief(pairs, direction)))
    return lines


def build(client: Client, *, for_client: bool = False) -> Progress:
    """The progress of ``client`` (whom the caller may see: this checks nothing).

    ``for_client=True`` is for the client's own portal page: the charts' descriptions in plain
    words, and neither the trials beside each score nor the session relief (two queries
    fewer, and one fewer a score)."""
    edss = None if client.edss is None else float(client.edss)
    progress_marks = (tuple(marks.periods(client)), tuple(marks.events(client)))
    return Progress(
        client,
        tuple(_constructs(client, progress_marks, edss, for_client)),
        () if for_client else tuple(_relief(client)),
        progress_marks[0],
        progress_marks[1],
        edss,
    )
