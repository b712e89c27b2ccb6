"""A client's progress in plain words, for their own portal: for each thing a questionnaire
measures (its total or subscale), whether it has improved, shown no reliable change, or got
worse, from the same judgements the therapist's Measures page shows
(:func:`msrelief.instruments.progress.history`). No answers, no numbers of items.

Under the words, one chart per score over time (:func:`progress_charts`), drawn by the staff
progress page's builder (:mod:`msrelief.reports.progress`) with its descriptions in plain
words: the scores, the programme periods, relapses, steroid courses and DMT changes, the band
lines and the MCID band, each with its description and a table of its dates and scores."""

from __future__ import annotations

from dataclasses import dataclass

from msrelief.clients.models import Client
from msrelief.instruments.progress import InstrumentHistory, Judgement, history
from msrelief.reports.progress.build import build
from msrelief.reports.progress.display import ConstructView, construct_view

IMPROVED, SAME, WORSE = "improved", "no reliable change", "worse"
TOO_FEW = "not enough answers yet"
NOT_JUDGED = "cannot be judged"
BASELINE = "since the first (baseline)"


@dataclass(frozen=True)
class Line:
    measure: str  # the questionnaire's title
    construct: str  # what the score measures: the questionnaire's total or a subscale
    words: str  # IMPROVED, SAME, WORSE, TOO_FEW or NOT_JUDGED
    since: str  # "since your first answers" / "since your answers before" / ""
    answered: int  # how many times the questionnaire was answered and scored


def _since(judgement: Judgement) -> str:
    if judgement.label == BASELINE:
        return "since your first answers"
    return "since the time before"


def _lines(item: InstrumentHistory) -> list[Line]:
    definition = item.definition
    scored = sum(1 for p in item.points if p.summary is not None and p.summary.scored)
    by_score: dict[str, Judgement] = {}
    for judgement in item.judgements:  # the baseline one, when there is one, wins
        if judgement.score_name not in by_score or judgement.label == BASELINE:
            by_score[judgement.score_name] = judgement
    lines = []
    for name in definition.score_names:
        label = definition.score_spec(name).label
        found = by_score.get(name)
        if scored < 2:
            lines.append(Line(definition.title, label, TOO_FEW, "", scored))
        elif found is None or found.result.classification is None:
            lines.append(Line(definition.title, label, NOT_JUDGED, "", scored))
        else:
            words = str(found.result.classification)
            lines.append(Line(definition.title, label, words, _since(found), scored))
    return lines


def plain_progress(client: Client) -> list[Line]:
    """One line per score of each questionnaire the client has answered, in title order."""
    return [line for item in history(client) for line in _lines(item)]


def progress_charts(client: Client) -> list[ConstructView]:
    """One chart (wide and compact) per score the client has, in instrument order; no trials
    and no session relief (those are for staff)."""
    return [construct_view(item) for item in build(client, for_client=True).constructs]
