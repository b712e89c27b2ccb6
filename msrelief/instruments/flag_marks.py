"""Which safety flags have an alert email that was tried and not delivered (the "email not
delivered" mark), read in the same statement as the clinic's data version.

A page that keeps its safety flags in a cache (the clinic dashboard, a client's Measures page)
may do so under the data version, since raising, acknowledging and resolving a flag are
audited services (instruments/services/flags.py). The mark is not: the outbox worker's tries
record no audit event (audit/versions.py). So the marks are read on every request, as the ids
of the marked flags, with the version, in one round trip (``versions.data_version_with``); the
page's cache key holds both, and a try that fails or succeeds gives a new key at once.

A staff login's session reads the marks of its clinic's open flags with the version, so the
dashboard makes no round trip for them (:func:`open_flags_of_own_clinic`,
accounts/session_columns.py).

The test is :func:`msrelief.notifications.services.undelivered_exists`'s, written as SQL: a
message about the flag that has been tried at least once and was neither sent nor withdrawn.
The statement is fixed, written here from the models' own table names and constants, with the
clinic or the client as a parameter.
"""

from __future__ import annotations

from django.db import connection

from msrelief.accounts import session_columns
from msrelief.accounts.models import User
from msrelief.audit.versions import data_version_with
from msrelief.instruments.models import SafetyFlag
from msrelief.notifications.models import Message
from msrelief.notifications.services import NOT_UNDELIVERED

_MARKED = (
    "(SELECT {ids} FROM {flags} f WHERE {which} AND EXISTS ("
    "SELECT 1 FROM {messages} m WHERE m.about_type = %s AND m.about_id = CAST(f.id AS {text}) "
    "AND m.attempts > 0 AND m.status NOT IN (%s, %s)))"
)
# Every id, comma-separated: each database spells the aggregate its own way.
_IDS = {"postgresql": "string_agg(CAST(f.id AS text), ',')", "sqlite": "group_concat(f.id, ',')"}
_TEXT = {"postgresql": "varchar(64)", "sqlite": "text"}
_OPEN_IN_CLINIC = "f.clinic_id = {clinic} AND f.resolved_at IS NULL"
_OF_CLIENT = "f.client_id = %s"
assert len(NOT_UNDELIVERED) == 2


def _column(which: str) -> str:
    return _MARKED.format(
        ids=_IDS[connection.vendor],
        flags=SafetyFlag._meta.db_table,
        messages=Message._meta.db_table,
        text=_TEXT[connection.vendor],
        which=which,
    )


def _ids(found: object) -> frozenset[int]:
    return frozenset(int(pk) for pk in str(found).split(",")) if found else frozenset()


def _about() -> list[object]:
    return [SafetyFlag._meta.label_lower, *(str(status) for status in NOT_UNDELIVERED)]


def open_flags_of_clinic(clinic_id: int | None) -> tuple[str, frozenset[int]]:
    """The clinic's data version, and which of its unresolved flags carry the mark."""
    column = _column(_OPEN_IN_CLINIC.format(clinic="%s"))
    version, found = data_version_with(clinic_id, column, [clinic_id, *_about()])
    return version, _ids(found)


#: The marks of the open flags of a staff login's clinic, read with its session.
SESSION_COLUMN = "msrelief_open_flag_marks"


def column_over_login(clinic: str) -> tuple[str, list[object]]:
    """The marks as a column of the session's statement (accounts/session_columns.py), where
    ``clinic`` is the SQL of the login's clinic id; registered in apps.py."""
    return _column(_OPEN_IN_CLINIC.format(clinic=clinic)), _about()


def open_flags_of_own_clinic(user: User) -> tuple[str, frozenset[int]]:
    """:func:`open_flags_of_clinic` for the clinic of ``user``, the request's login: as read
    with its session when they were (a staff login's), else read now."""
    version = session_columns.read(user, session_columns.VERSION)
    marks = session_columns.read(user, SESSION_COLUMN)
    if version is None or marks is None:
        return open_flags_of_clinic(user.clinic_id)
    return version, _ids(marks)


def flags_of_client(clinic_id: int, client_id: int) -> tuple[str, frozenset[int]]:
    """The clinic's data version, and which of the client's flags carry the mark."""
    version, found = data_version_with(clinic_id, _column(_OF_CLIENT), [client_id, *_about()])
    return version, _ids(found)
