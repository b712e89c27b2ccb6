"""The client record's staff-invariant parts, drawn once per state of the clinic's data.

The record (``clients/client_detail.html``) is made of panels from many apps; drawing them is
most of the page's cost. Everything they show is written by services that record an audit event
of the client's clinic (or of no clinic, for shared data such as programme templates) in the
same transaction, so :func:`msrelief.audit.versions.data_version` moves with every change of
it. The two cached parts are kept under a key made of:

* the client, and the clinic's data version, read before the client and its panels are (so a
  part is never older than its key: a change committed in between only makes it newer);
* what the viewer may see on them: whether they may delete the record and whether they are the
  clinic admin (the privacy panel's legal-hold and erase links); the parts are drawn with
  nothing else of the viewer (:class:`Viewer`), so they cannot show more of them;
* the local date and time zone, for what depends on the day (adherence counts what was due by
  today, the diary's sparklines end today, falls in the last twelve months).

What the audit trail does not see stays out: the Reminders section (the reminders worker's log
and the outbox's delivery status) is drawn on every request between the two parts, as are the
page's frame (``base.html``: the viewer's name, messages) and the CSRF tokens of the forms,
drawn into the parts as a placeholder and replaced per request. The read audit, the permission
check and the no-store header are the view's and the middleware's, on every request.

The parts live in the ``pages`` cache, which is always this process's memory
(msrelief/lib/cache_url.py), not in the shared cache that ``MSRELIEF_CACHE_URL`` names, so
health data never leaves the process; each worker fills its own.
After a database is restored from a backup the trail's ids start lower again: restart the
workers (docs/operations.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from msrelief.accounts import session_columns
from msrelief.accounts.models import User
from msrelief.clients import permissions
from msrelief.clients.history_forms import TITLES
from msrelief.clients.models import Client
from msrelief.core.http import AuthenticatedRequest

TOP = "clients/_record_top.html"
BOTTOM = "clients/_record_bottom.html"
REMINDERS = "programmes/reminders/_client_reminders.html"

# Drawn where a form's CSRF token goes, then replaced by the request's own. The whole input
# element is matched: text from the data is escaped, so it can never spell it.
_PLACEHOLDER = "csrf-token-of-the-request"
_PLACEHOLDER_INPUT = format_html(
    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', _PLACEHOLDER
)

# One entry is two parts of about 10 kB each; an hour bounds how long a record nobody changes
# stays in memory.
PARTS_SECONDS = 60 * 60

# The history kinds on the record, in the order a therapist reads them.
HISTORY_LISTS = (
    ("relapse", "relapses"),
    ("dmt", "dmt_periods"),
    ("medicine", "medicines"),
    ("condition", "conditions"),
    ("fall", "falls"),
    ("goal", "goals"),
)


@dataclass(frozen=True)
class Viewer:
    """All the cached parts know of the viewer (the templates call it ``user``)."""

    is_clinic_admin: bool
    can_delete: bool


def viewer_of(user: User, client: Client) -> Viewer:
    return Viewer(
        is_clinic_admin=user.is_clinic_admin,
        can_delete=permissions.can_delete_client(user, client),
    )


def key_for(client: Client, viewer: Viewer, version: str, today: dt.date) -> str:
    zone = timezone.get_current_timezone_name()
    who = f"{int(viewer.is_clinic_admin)}{int(viewer.can_delete)}"
    return f"record:{client.pk}:{version}:{who}:{today.isoformat()}:{zone}"


def version_for(user: User) -> str:
    """The data version of the viewer's clinic, the only one whose clients they may open; read
    it before fetching the client (it was read with the session, accounts/session_columns.py)."""
    return session_columns.clinic_version(user)


def parts(
    request: AuthenticatedRequest, client: Client, version: str, csrf_token: str
) -> tuple[SafeString, SafeString]:
    """The record's top (up to the symptom diary) and bottom (from the calendar feed) parts,
    with ``csrf_token`` (the page's masked token) in their forms; ``version`` is
    :func:`version_for`'s, read before ``client`` was fetched."""
    viewer = viewer_of(request.user, client)
    today = timezone.localdate()
    key = key_for(client, viewer, version, today)
    pages = caches["pages"]
    found = pages.get(key) if client.clinic_id == request.user.clinic_id else None
    if found is None:
        found = _draw(client, viewer, today)
        if client.clinic_id == request.user.clinic_id:
            pages.set(key, found, PARTS_SECONDS)
    token = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token)
    top, bottom = (part.replace(_PLACEHOLDER_INPUT, token) for part in found)
    # Both were drawn by the template engine, which escaped the data; only the token was added.
    return mark_safe(top), mark_safe(bottom)  # noqa: S308


def reminders(client: Client) -> SafeString:
    """The Reminders section, drawn on every request (module docstring): the reminders app's
    partial reads the client's latest decisions through its own template tag."""
    return render_to_string(REMINDERS, {"client": client})


def _draw(client: Client, viewer: Viewer, today: dt.date) -> tuple[str, str]:
    context = _context(client, viewer, today)
    return str(render_to_string(TOP, context)), str(render_to_string(BOTTOM, context))


def _context(client: Client, viewer: Viewer, today: dt.date) -> dict[str, Any]:
    history = [
        (kind, TITLES[kind][1], list(getattr(client, relation).all()))
        for kind, relation in HISTORY_LISTS
    ]
    falls = next(entries for kind, _, entries in history if kind == "fall")
    year_ago = today - dt.timedelta(days=365)
    return {
        "client": client,
        "user": viewer,
        "csrf_token": _PLACEHOLDER,
        "consents": client.consents.select_related("recorded_by"),
        "can_delete": viewer.can_delete,
        "history": history,
        "falls_last_year": sum(1 for fall in falls if fall.on > year_ago),
    }
