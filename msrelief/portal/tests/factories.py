"""A client with something of every kind on record, made through the services."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from msrelief.instruments import services as measures
from msrelief.programmes import services as programmes
from msrelief.programmes.tests.factories import enrol, make_template, today, todays_session
from msrelief.testing import PHQ9_ALL_ZERO, assign


def fill_record(therapist: Any, record: Any, note: str) -> dict[str, Any]:
    """A PHQ-9 with item 9 above zero (a response, its score and a safety flag, whose alert
    is a message), a programme with a signed note saying ``note``; returns what was made."""
    response = flagged_response(therapist, record)
    template = make_template(key=f"trial-{uuid.uuid4().hex[:8]}")
    enrolment = enrol(therapist, record, template, start=today() - dt.timedelta(days=14))
    session = todays_session(enrolment)
    signed = programmes.save_note(therapist, session, {"subjective": note}, sign=True)
    return {"response": response, "enrolment": enrolment, "session": session, "note": signed}


def flagged_response(therapist: Any, record: Any) -> Any:
    administration, _ = assign(therapist, record)
    measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 2}, None)
    return measures.submit_response(administration, None, "link")
