"""Data for the progress tests: scores entered through the instruments service, and session
ratings through the programmes service, as staff would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from msrelief.demo.histories import answers_for
from msrelief.instruments import services as measures
from msrelief.programmes import services as programmes
from msrelief.programmes.tests.factories import enrol, today


def enter(actor: Any, client: Any, code: str, totals: list[int], weeks_ago: int = 12) -> None:
    """One response to ``code`` every two weeks, the first ``weeks_ago`` weeks ago."""
    first = timezone.localdate() - dt.timedelta(weeks=weeks_ago)
    for index, total in enumerate(totals):
        day = first + dt.timedelta(weeks=2 * index)
        measures.enter_response(actor, client, code, answers_for(code, total), day)


def rate_sessions(
    actor: Any, client: Any, pain: list[tuple[int, int]], enrolment: Any = None, skip: int = 0
) -> Any:
    """Enrol ``client`` from five weeks ago (unless ``enrolment`` is given) and rate pain before
    and after its past sessions after the first ``skip``, one (pre, post) pair a session."""
    enrolment = enrolment or enrol(actor, client, start=today() - dt.timedelta(days=35))
    past = enrolment.sessions.filter(starts_at__lt=timezone.now() - dt.timedelta(days=1))
    sessions = list(past.order_by("starts_at"))[skip : skip + len(pain)]
    assert len(sessions) == len(pain), "the plan has fewer past sessions than ratings"
    for session, (pre, post) in zip(sessions, pain, strict=True):
        programmes.record_session_status(actor, session, "attended")
        programmes.record_ratings(actor, session, "pre", {"nrs-pain": pre})
        programmes.record_ratings(actor, session, "post", {"nrs-pain": post})
    return enrolment
