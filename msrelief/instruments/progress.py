"""A client's measures over time: each instrument's current responses in order, their scores,
and the change judgement of the latest against the previous and the first (baseline).

Responses of one instrument that come from different settings are kept apart, so that a change
is never judged between them: a symptom diary's daily 0-10 ratings, the ratings taken before
and after sessions (told apart by the app that records them, through
:func:`msrelief.instruments.sources.register_source`), and everything else (questionnaires and
entered forms).

An MCID that depends on disability (MSIS-29 physical, Costelloe 2007) is chosen by the client's
EDSS as recorded now, on the client's page; without one, that MCID is not applied and the
judgement says so."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.instruments import sources
from msrelief.instruments.models import Response, Score, Via
from msrelief.instruments.presenting import Summary, summarise
from msrelief.scoring import ChangeResult, ScoringError, get_definition, judge_change
from msrelief.scoring.definition import Definition


@dataclass(frozen=True)
class Point:
    response: Response
    score: Score | None
    summary: Summary | None
    show_time: bool  # another response to the same instrument falls on the same day


@dataclass(frozen=True)
class Judgement:
    label: str  # "since the previous response" / "since baseline"
    score_name: str
    result: ChangeResult


@dataclass(frozen=True)
class InstrumentHistory:
    definition: Definition
    points: tuple[Point, ...]
    judgements: tuple[Judgement, ...]
    source: str = ""  # "" for questionnaires and entered forms, else where the ratings came from

    @property
    def anchor(self) -> str:
        """A page id for this history, unique on the client's page."""
        suffix = "".join(c if c.isalnum() else "-" for c in self.source.lower())
        return f"inst-{self.definition.code}" + (f"-{suffix}" if suffix else "")


DIARY = "symptom diary"


def _score_for(response: Response, definition: Definition) -> Score | None:
    scores = list(response.scores.all())
    wanted = [s for s in scores if s.scoring_version == definition.scoring_version]
    chosen = wanted or scores
    return chosen[0] if chosen else None


def _judge(
    definition: Definition, before: Score, after: Score, label: str, edss: float | None
) -> list[Judgement]:
    found = []
    for name in definition.score_names:
        old = before.total if name == "total" else before.subscales.get(name)
        new = after.total if name == "total" else after.subscales.get(name)
        if old is None or new is None:
            continue
        try:
            result = judge_change(definition, old, new, name, edss=edss)
        except (ScoringError, KeyError):
            continue
        found.append(Judgement(label, name, result))
    return found


def _point(response: Response, definition: Definition, days: Counter[dt.date]) -> Point:
    score = _score_for(response, definition)
    own = get_definition(response.instrument_code, response.instrument_version)
    return Point(
        response,
        score,
        summarise(own, score) if score is not None else None,
        days[timezone.localdate(response.answered_at)] > 1,
    )


def history(client: Client) -> list[InstrumentHistory]:
    responses = (
        Response.objects.filter(client=client, superseded_by__isnull=True)
        .prefetch_related("scores", "safety_flags")
        .order_by("answered_at", "id")
    )
    settings_of = sources.taken_in(client)
    by_code: dict[tuple[str, str], list[Response]] = {}
    for response in responses:
        source = DIARY if response.via == Via.DIARY else settings_of.get(response.pk, "")
        by_code.setdefault((response.instrument_code, source), []).append(response)
    edss = None if client.edss is None else float(client.edss)
    histories = []
    for (code, source), rows in sorted(by_code.items()):
        definition = get_definition(code, rows[-1].instrument_version)
        days = Counter(timezone.localdate(r.answered_at) for r in rows)
        points = tuple(_point(r, definition, days) for r in rows)
        judgements: list[Judgement] = []
        scored = [p for p in points if p.summary is not None and p.summary.scored]
        if len(scored) >= 2:
            latest = scored[-1].score
            assert latest is not None
            previous, first = scored[-2].score, scored[0].score
            assert previous is not None and first is not None
            judgements += _judge(definition, previous, latest, "since the previous response", edss)
            if len(scored) > 2:
                judgements += _judge(definition, first, latest, "since the first (baseline)", edss)
        histories.append(InstrumentHistory(definition, points, tuple(judgements), source))
    return histories
