"""The clinic's home page: its clients, and the safety flags not yet resolved (new ones first).
It lives here, above the clients app, because it shows what questionnaires raised (a later
``safety`` app will take it over when pre-session screens raise flags too).

The page's content (its heading, the safety flags, the programme panels, the search form, the
list of clients) is the same for every request of one viewer until some change is made, a
flag's alert email is tried, or the day turns, so it is drawn once and kept in the process's
own ``pages`` cache (lib/cache_url.py), under the viewer, the clinic's data version
(audit/versions.py), which of the flags carry the "email not delivered" mark, the day and the
search. Raising, acknowledging and resolving a flag are audited, so each gives a new data
version; the marks are not (the outbox's tries record no audit event), so they are read on
every request, in the same statement as the version (instruments/flag_marks.py), itself the
statement that reads the session (accounts/session_columns.py). A flag never waits for the
cache.
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template import engines
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from msrelief.clients import permissions
from msrelief.clients.forms import ClientFilterForm
from msrelief.core import jinja
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup
from msrelief.instruments import flag_marks
from msrelief.instruments.models import FlagState, SafetyFlag

PAGE_SIZE = 25
FLAG_COLUMNS = (
    "client_id", "message", "raised_at", "acknowledged_at", "resolved_at",
    "client__display_name", "acknowledged_by__full_name", "acknowledged_by__email",
)  # fmt: skip
DASHBOARD_COLUMNS = (
    "display_name", "phenotype", "edss", "therapist__full_name", "therapist__email",
)  # fmt: skip
# Bump when the parts' templates or what they show change, so a shared cache drops old copies.
BODY_VERSION = 2
BODY_SECONDS = 60 * 60


# The clinic's unresolved flags, in one query compiled once per connection (core/prepared.py).
OPEN_FLAGS = PreparedLookup(
    SafetyFlag,
    lambda clinic_id: (
        SafetyFlag.objects.filter(clinic=clinic_id, resolved_at__isnull=True)
        .select_related("client", "acknowledged_by")
        .only(*FLAG_COLUMNS)
    ),
    marker=INTEGER_MARKER,
)


@staff_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    version, undelivered = flag_marks.open_flags_of_own_clinic(request.user)
    key = _parts_key(request, version, undelivered)
    parts: tuple[str, str, str] | None = caches["pages"].get(key)
    if parts is None:
        parts = _draw_parts(request, undelivered)
        caches["pages"].set(key, parts, BODY_SECONDS)
    head, flags, body = parts
    # Drawn with Jinja2, in the markup of the Django page it stands for (core/jinja.py); the
    # parts were drawn by templates, which escape.
    context = {"head": mark_safe(head), "flags": mark_safe(flags), "body": mark_safe(body)}  # noqa: S308
    return jinja.render(request, "clients/dashboard.html", context)


def _draw_parts(request: AuthenticatedRequest, undelivered: frozenset[int]) -> tuple[str, str, str]:
    """The heading, the safety flags and the page below them. The flags are read after the
    version and marks the key holds, so they are never older than the key says."""
    clinic_id = request.user.clinic_id
    flags = OPEN_FLAGS.rows(clinic_id) if clinic_id else []
    drawn_flags = draw_flags(
        [flag for flag in flags if flag.state == FlagState.NEW],
        [flag for flag in flags if flag.state == FlagState.ACKNOWLEDGED],
        undelivered,
    )
    head = render_to_string("clients/_dashboard_head.html", {}, request)
    body = render_to_string("clients/_dashboard_body.html", _body_context(request), request)
    return head, drawn_flags, body


def draw_flags(
    new_flags: list[SafetyFlag], open_flags: list[SafetyFlag], undelivered: frozenset[int]
) -> str:
    """The flag panels (msrelief/jinja2/clients/_dashboard_flags.html)."""
    template = engines[jinja.ENGINE].env.get_template("clients/_dashboard_flags.html")  # type: ignore[attr-defined]
    return str(template.render(new_flags=new_flags, open_flags=open_flags, undelivered=undelivered))


def _parts_key(request: AuthenticatedRequest, version: str, undelivered: frozenset[int]) -> str:
    user = request.user
    parts = [
        BODY_VERSION,
        user.pk,
        user.clinic_id,
        version,
        sorted(undelivered),
        timezone.localdate().isoformat(),
        timezone.get_current_timezone_name(),
        bool(request.GET),
        *(request.GET.get(name, "")[:200] for name in ("q", "phenotype", "page")),
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"dashboard-parts:{digest}"


def _body_context(request: AuthenticatedRequest) -> dict[str, object]:
    # Only the columns the list shows: compiling and loading every column of both tables was a
    # good part of the page's time.
    clients = (
        permissions.clients_for(request.user).select_related("therapist").only(*DASHBOARD_COLUMNS)
    )
    filters = ClientFilterForm(request.GET)
    if filters.is_valid():
        if filters.cleaned_data["q"]:
            clients = clients.filter(display_name__icontains=filters.cleaned_data["q"])
        if filters.cleaned_data["phenotype"]:
            clients = clients.filter(phenotype=filters.cleaned_data["phenotype"])
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"filters": filters, "page": page}
