"""A clinic's data version, read from the audit trail, to key cached pages on.

Every write in msrelief is a service that records an audit event in the same transaction
(DESIGN.md, "Rules of the house"), so the id of the newest event that is not a look
(``Action.VIEW``) numbers the state of the data: it goes up with every change and with nothing
else. :func:`data_version` gives that number for one clinic, paired with the newest such event
that belongs to no clinic (the shared evidence, programme templates, Learn), since clinic pages
show those too. A page cached under a clinic's version is never older than the last audited
change: a change commits together with its event, and writers of the trail take their turn one
at a time (``chain.take_turn``: SQLite has one writer, PostgreSQL a transaction lock), so ids
become visible in the order they were given.

What the version does not see: writes that record no event, which the house rules forbid for
data a person changed, but which exist for bookkeeping (the outbox worker's delivery attempts
and statuses). A page that shows those keeps them out of its cached part.

Both look-ups are served by a partial index on (clinic, id) without looks
(migration 0007), so the cost does not grow with the trail. They are written as "the first
row in the index's own order" (``ORDER BY clinic_id DESC, id DESC LIMIT 1``, the clinic as a
range of one), not as ``MAX(id)``: with planner statistics that make the newest rows look
likely to match, both databases turned ``MAX(id)`` into a backward walk of the whole table,
filtered, which reads every look recorded since the clinic's last change and so grew with the
trail; on a fresh table PostgreSQL instead read every event of the clinic through its plain
index (0.21 ms of the server's time on the demo data's 800 events; a cached page reads the
version on every request). tests/test_data_version.py pins the plan on both databases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

from msrelief.audit.models import Action, AuditEvent

# The condition is spelled as the index's (``NOT (action = 'view')``, a literal, not a
# parameter) so that the planners see that the partial index covers the query. The clinic is
# a range of one (``BETWEEN``), not an equality: PostgreSQL drops an ordering by a column held
# equal to a constant, and would walk the primary key again. SQLite is told the index by name,
# since for ``IS NULL`` it walks the table's rowids backwards otherwise.
_NEWEST_CHANGE = (
    "(SELECT id FROM audit_auditevent{hint} WHERE NOT (action = 'view') AND clinic_id {which} "
    "ORDER BY clinic_id DESC, id DESC LIMIT 1)"
)
_HINT = {"sqlite": " INDEXED BY audit_change_by_clinic"}


def version_sql(clinic: str) -> str:
    """The data version as one text value, in SQL: ``clinic`` is the SQL of the clinic's id,
    written twice (``%s``, given twice, or a column of an outer query: the sign-in reads a
    staff login's version with its session, accounts/session_columns.py)."""
    hint = _HINT.get(connection.vendor, "")
    own = _NEWEST_CHANGE.format(hint=hint, which=f"BETWEEN {clinic} AND {clinic}")
    shared = _NEWEST_CHANGE.format(hint=hint, which="IS NULL")
    admin = "(SELECT MAX(id) FROM django_admin_log)"
    return " || '.' || ".join(f"CAST(COALESCE({part}, 0) AS text)" for part in (own, shared, admin))


assert AuditEvent._meta.db_table == "audit_auditevent" and Action.VIEW.value == "view"


def data_version(clinic_id: int | None) -> str:
    """``"<clinic's newest change>.<newest change of no clinic>.<newest admin edit>"``, e.g.
    ``"812.97.3"`` (``0`` where there is none); one query. A cache key that includes it misses
    after any audited change to the clinic's data or to the shared data, and after any edit
    made in the Django admin (which logs each one in its own ``LogEntry`` table, not in the
    audit trail: a superuser renaming a clinic there)."""
    return data_version_with(clinic_id, "NULL", ())[0]


def data_version_with(
    clinic_id: int | None, column: str, params: Sequence[Any]
) -> tuple[str, object]:
    """:func:`data_version`, and the value of ``column`` (a scalar subquery written in the
    caller's code, never built from input, with its ``params``) read in the same statement,
    so with the same snapshot: what a page must read fresh on every request, alongside the
    version its cached part is keyed on, in one round trip."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {version_sql('%s')}, {column}", [clinic_id, clinic_id, *params])
        version, value = cursor.fetchone()
    return str(version), value
