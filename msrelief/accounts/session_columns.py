"""What a clinic-staff login's pages must read fresh on every request, read in the same
statement as the session and the login (accounts/sessions.py), so that a cached staff page
(the dashboard, a client record) makes no round trip of its own for it.

On PostgreSQL a round trip is what a cached page spends most on: about 0.3 to 0.4 ms of
waiting and 0.07 to 0.09 ms of the worker's CPU on the benchmark machine, more than drawing
the page from its cached parts. So the session's statement also reads, for a login of clinic staff:

* the clinic's data version (audit/versions.py), which every cached staff page is keyed on;
* the columns other apps register at start-up (their ``AppConfig.ready``) with
  :func:`register`: the "email not delivered" marks of the clinic's open safety flags
  (instruments/flag_marks.py), which the dashboard reads fresh on every request.

They are read before the page reads anything else, so a page drawn with them is never older
than what they say; for any other login, or when the login was loaded another way (at sign-in
itself), :func:`read` gives None and the page asks the database, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.db.models.expressions import RawSQL
from django.db.models.fields import TextField

from msrelief.accounts.models import STAFF_ROLES, User
from msrelief.audit.versions import data_version, version_sql

VERSION = "msrelief_data_version"

#: name -> a function of the SQL of the login's clinic id giving a scalar subquery (text, or
#: NULL for none) and its parameters.
_REGISTERED: dict[str, Callable[[str], tuple[str, Sequence[Any]]]] = {}


def register(name: str, column: Callable[[str], tuple[str, Sequence[Any]]]) -> None:
    """Read ``column`` with every staff session from now on, as ``read(user, name)``."""
    from msrelief.accounts.sessions import BY_KEY

    if not name.startswith("msrelief_") or name == VERSION:
        raise ValueError(f"A column read with the session is named msrelief_...: {name!r}")
    _REGISTERED[name] = column
    BY_KEY.forget()  # compiled again, with the column


def names() -> list[str]:
    return [VERSION, *_REGISTERED]


def as_annotations() -> dict[str, RawSQL]:
    """The columns as annotations of a query that joins the login's row by its table name."""
    quote = connection.ops.quote_name
    login = quote(User._meta.db_table)
    clinic, role = f"{login}.{quote('clinic_id')}", f"{login}.{quote('role')}"
    roles = sorted(str(r) for r in STAFF_ROLES)
    staff = f"{clinic} IS NOT NULL AND {role} IN ({', '.join(['%s'] * len(roles))})"
    columns: dict[str, tuple[str, Sequence[Any]]] = {VERSION: (version_sql(clinic), ())}
    columns.update((name, column(clinic)) for name, column in _REGISTERED.items())
    return {
        # COALESCE: for staff, never NULL, so that None means "not read".
        name: RawSQL(  # noqa: S611 - the code's own SQL; values go in as parameters
            f"CASE WHEN {staff} THEN COALESCE({sql}, '') END",
            (*roles, *params),
            output_field=TextField(),
        )
        for name, (sql, params) in columns.items()
    }


def read(user: object, name: str) -> str | None:
    """What was read under ``name`` with ``user``'s session in this request, or None."""
    value = getattr(user, name, None)
    return value if isinstance(value, str) else None


def clinic_version(user: User) -> str:
    """The data version of the clinic of ``user``, the request's login: as read with its
    session when it was (a staff login's), else read now."""
    return read(user, VERSION) or data_version(user.clinic_id)
