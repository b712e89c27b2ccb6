"""Every write about care programmes, one module per concern. Each service checks that the
actor is staff of the client's clinic, runs in one transaction, validates everything before
saving anything (naming the field at fault) and writes the audit event."""

from msrelief.programmes.services.adverse import Report, record_adverse_event
from msrelief.programmes.services.ending import end_enrolment
from msrelief.programmes.services.enrolling import Plan, enrol_client
from msrelief.programmes.services.notes import amend_note, current_note, save_note
from msrelief.programmes.services.plan import add_session, move_session, record_session_status
from msrelief.programmes.services.ratings import field_name, record_ratings
from msrelief.programmes.services.reads import (
    enrolment_or_404,
    session_or_404,
    view_enrolment,
    view_session,
)
from msrelief.programmes.services.screening import may_go_ahead, screen_session
from msrelief.programmes.services.templates import create_template, new_version

__all__ = [
    "Plan",
    "Report",
    "add_session",
    "amend_note",
    "create_template",
    "current_note",
    "end_enrolment",
    "enrol_client",
    "enrolment_or_404",
    "field_name",
    "may_go_ahead",
    "move_session",
    "new_version",
    "record_adverse_event",
    "record_ratings",
    "record_session_status",
    "save_note",
    "screen_session",
    "session_or_404",
    "view_enrolment",
    "view_session",
]
