"""Adherence: sessions attended of those planned, and measures completed of those scheduled.
Pure Python over plain rows (no Django), so the rules are table-tested on their own.

The rules (docs/programmes.md, "Adherence"):

- A session counts as **planned** once its day has come (today or earlier), unless the clinic
  cancelled it: a session the clinic called off was never the client's to attend, while one the
  client cancelled, or missed, counts against attendance. **Attended** counts the planned
  sessions marked attended.
- A measure counts as **scheduled** once its due date has come, or as soon as it is completed
  (one filled in early still counts), unless the questionnaire was cancelled. **Completed**
  counts those completed. Measures that msrelief could not send (a clinician's test, licensed
  wording the clinic has not imported) are entered by hand and are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

ATTENDED = "attended"
CANCELLED = "cancelled"
BY_CLINIC = "clinic"
COMPLETED = "completed"


@dataclass(frozen=True)
class SessionRow:
    on: dt.date
    status: str  # planned, attended, cancelled, no_show
    cancelled_by: str = ""  # client or clinic, for a cancelled session


@dataclass(frozen=True)
class MeasureRow:
    due_on: dt.date
    status: str  # the questionnaire's: pending, in_progress, completed, cancelled


@dataclass(frozen=True)
class Adherence:
    attended: int
    planned: int
    completed: int
    scheduled: int

    @property
    def session_percent(self) -> int | None:
        return _percent(self.attended, self.planned)

    @property
    def measure_percent(self) -> int | None:
        return _percent(self.completed, self.scheduled)

    def __add__(self, other: Adherence) -> Adherence:
        return Adherence(
            self.attended + other.attended,
            self.planned + other.planned,
            self.completed + other.completed,
            self.scheduled + other.scheduled,
        )


NONE = Adherence(0, 0, 0, 0)


def _percent(part: int, whole: int) -> int | None:
    """Whole percent, rounded half up; None when nothing is due yet (not 0 %, not 100 %)."""
    if whole == 0:
        return None
    return (200 * part + whole) // (2 * whole)


def is_planned(session: SessionRow, today: dt.date) -> bool:
    if session.on > today:
        return False
    return not (session.status == CANCELLED and session.cancelled_by == BY_CLINIC)


def is_scheduled(measure: MeasureRow, today: dt.date) -> bool:
    if measure.status == CANCELLED:
        return False
    return measure.due_on <= today or measure.status == COMPLETED


def adherence(
    sessions: Iterable[SessionRow], measures: Iterable[MeasureRow], today: dt.date
) -> Adherence:
    """One enrolment's adherence on ``today``."""
    planned = [s for s in sessions if is_planned(s, today)]
    scheduled = [m for m in measures if is_scheduled(m, today)]
    return Adherence(
        attended=sum(1 for s in planned if s.status == ATTENDED),
        planned=len(planned),
        completed=sum(1 for m in scheduled if m.status == COMPLETED),
        scheduled=len(scheduled),
    )


def combined(parts: Iterable[Adherence]) -> Adherence:
    """A client's adherence over all their enrolments: the counts added up (not an average of
    percentages, which would weigh a 2-session programme like a 12-session one)."""
    total = NONE
    for part in parts:
        total = total + part
    return total
