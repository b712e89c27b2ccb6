"""The rows of a client's Measures page, computed once in Python: each point's dates, scores in
plain words, links and flags as text ready to print, so the template loops over strings
instead of calling a filter, a tag or an include for every cell."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString

from msrelief.clients.models import Client
from msrelief.instruments.presenting import NO_VALUE, summary_html
from msrelief.instruments.progress import InstrumentHistory, Judgement, Point, history
from msrelief.scoring.definition import Definition


@dataclass(frozen=True)
class Row:
    when: str  # "3 Mar 2026", with ", 14:05" when another response falls on that day
    corrected: str  # the day a correction was saved, "" for an original response
    scores: SafeString
    unanswered: str
    url: str
    full_when: str  # "3 Mar 2026 14:05", for screen readers
    flags: tuple[tuple[str, str], ...]  # (link, state in lower case)


@dataclass(frozen=True)
class LabelledJudgement:
    score_label: str
    judgement: Judgement


@dataclass(frozen=True)
class HistoryRows:
    history: InstrumentHistory
    rows: tuple[Row, ...]
    judgements: tuple[LabelledJudgement, ...]


def _row(point: Point) -> Row:
    response, summary = point.response, point.summary
    answered = timezone.localtime(response.answered_at)
    day = dateformat.format(answered, "j M Y")
    unanswered = NO_VALUE
    if summary is not None:
        unanswered = str(summary.missing) + (" (score prorated)" if summary.prorated else "")
    corrected = ""
    if response.supersedes_id:
        corrected = dateformat.format(timezone.localtime(response.submitted_at), "j M Y")
    flags = tuple(
        (reverse("instruments-flag", args=[flag.pk]), flag.state_label.lower())
        for flag in response.safety_flags.all()
    )
    return Row(
        when=day + (", " + dateformat.format(answered, "H:i") if point.show_time else ""),
        corrected=corrected,
        scores=summary_html(summary),
        unanswered=unanswered,
        url=reverse("instruments-response", args=[response.pk]),
        full_when=dateformat.format(answered, "j M Y H:i"),
        flags=flags,
    )


def _label(definition: Definition, name: str) -> str:
    """The score's label as ``measures_ui.score_label`` gives it: the name when unknown."""
    try:
        return definition.score_spec(name).label
    except (KeyError, StopIteration, ValueError):
        return name


def history_rows(client: Client) -> list[HistoryRows]:
    """Every history of ``client`` (:func:`msrelief.instruments.progress.history`) as rows."""
    return [
        HistoryRows(
            h,
            tuple(_row(point) for point in h.points),
            tuple(LabelledJudgement(_label(h.definition, j.score_name), j) for j in h.judgements),
        )
        for h in history(client)
    ]
