"""What the diary pages show: the latest entries as rows (date and the five ratings), and for
the client record the sparkline of each rating over the last 14 days (or weeks, for a weekly
diary). A rating corrected by staff shows its latest version. The number of queries does not
grow with the number of entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from msrelief.charts.sparkline import sparkline
from msrelief.instruments.diary.models import DiaryEntry, DiaryPlan, Frequency
from msrelief.instruments.diary.questions import SYMPTOMS
from msrelief.instruments.models import Response

#: Entries in the client record's table; slots in each sparkline.
RECORD_ROWS = 14
#: Entries on the client's thank-you page.
CLIENT_ROWS = 7

Slot = tuple[dt.date, dt.date]  # the first and the last day of one sparkline point


@dataclass(frozen=True)
class Row:
    entry: DiaryEntry
    values: tuple[float | None, ...]  # in the order of SYMPTOMS; None: not answered

    @property
    def cells(self) -> tuple[tuple[str, float | None], ...]:
        """(column heading, rating) in the order of the questions."""
        return tuple(zip((heading for _, _, heading in SYMPTOMS), self.values, strict=True))


@dataclass(frozen=True)
class Line:
    heading: str
    svg: str  # inline SVG markup, escaped by the chart


@dataclass(frozen=True)
class Section:
    plan: DiaryPlan
    rows: tuple[Row, ...]
    lines: tuple[Line, ...]
    period: str  # "the last 14 days"


def _entries(plan: DiaryPlan, where: Q) -> list[DiaryEntry]:
    responses = Response.objects.prefetch_related("scores")
    found = DiaryEntry.objects.filter(plan=plan).filter(where).order_by("-on", "-id")
    return list(found.prefetch_related(Prefetch("responses", queryset=responses)))


def _latest_versions(responses: list[Response]) -> dict[int, Response]:
    """Each response's latest version (itself, or the last correction of it), by its id: one
    query per level of correction, so usually one that finds none."""
    latest = {response.pk: response for response in responses}
    root_of = {response.pk: response.pk for response in responses}
    wave = list(root_of)
    while wave:
        corrections = list(
            Response.objects.filter(supersedes_id__in=wave).prefetch_related("scores")
        )
        wave = []
        for correction in corrections:
            assert correction.supersedes_id is not None
            root = root_of[correction.supersedes_id]
            root_of[correction.pk] = root
            latest[root] = correction
            wave.append(correction.pk)
    return latest


def _value(response: Response) -> float | None:
    scores = list(response.scores.all())  # newest first
    return scores[0].total if scores else None


def _rows(entries: list[DiaryEntry]) -> list[Row]:
    answered = [response for entry in entries for response in entry.responses.all()]
    latest = _latest_versions(answered)
    rows = []
    for entry in entries:
        by_code = {r.instrument_code: _value(latest[r.pk]) for r in entry.responses.all()}
        rows.append(Row(entry, tuple(by_code.get(code) for _, code, _ in SYMPTOMS)))
    return rows


def recent_rows(plan: DiaryPlan, count: int = CLIENT_ROWS) -> list[Row]:
    """The ``count`` latest entries, newest first."""
    newest = DiaryEntry.objects.filter(plan=plan).order_by("-on", "-id").values("pk")[:count]
    return _rows(_entries(plan, Q(pk__in=newest)))


def _slots(plan: DiaryPlan, today: dt.date) -> list[Slot]:
    """(first day, last day) of each sparkline slot, oldest first, the last ending today."""
    days = 7 if plan.frequency == Frequency.WEEKLY else 1
    return [
        (today - dt.timedelta(days=days * back + days - 1), today - dt.timedelta(days=days * back))
        for back in reversed(range(RECORD_ROWS))
    ]


def _series(rows: list[Row], slots: list[Slot], column: int) -> list[float | None]:
    """One value a slot: the latest entry's rating in it, None for a slot without one."""
    series: list[float | None] = []
    for first, last in slots:
        inside = [row for row in rows if first <= row.entry.on <= last]  # rows: newest first
        series.append(inside[0].values[column] if inside else None)
    return series


def record_section(plan: DiaryPlan, today: dt.date | None = None) -> Section:
    """The client record's diary section: the latest entries and a sparkline per rating."""
    today = today or timezone.localdate()
    slots = _slots(plan, today)
    newest = DiaryEntry.objects.filter(plan=plan).order_by("-on", "-id").values("pk")
    rows = _rows(_entries(plan, Q(on__gte=slots[0][0]) | Q(pk__in=newest[:RECORD_ROWS])))
    weekly = plan.frequency == Frequency.WEEKLY
    slot_name = "week" if weekly else "day"
    period = f"the last {RECORD_ROWS} {slot_name}s"
    lines = []
    for column, (name, _code, heading) in enumerate(SYMPTOMS):
        values = _series(rows, slots, column)
        svg = sparkline(
            values,
            title=f"{heading}, {period}",
            element_id=f"diary-spark-{name}",
            slot_name=slot_name,
        )
        lines.append(Line(heading, svg))
    return Section(plan, tuple(rows[:RECORD_ROWS]), tuple(lines), period)
