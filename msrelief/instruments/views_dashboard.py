"""The clinic's home page: its clients, and the safety flags not yet resolved (new ones first).
It lives here, above the clients app, because it shows what questionnaires raised (a later
``safety`` app will take it over when pre-session screens raise flags too).

Below the flags, the page (its heading, the programme panels, the search form, the list of
clients) is the same for every request of one viewer until some change is made or the day
turns, so it is drawn once and kept in the process's own ``pages`` cache (lib/cache_url.py),
under the viewer, the clinic's data version (audit/versions.py), the day and the search. The
safety flags and their "email not delivered" marks are read on every request: the outbox's
delivery attempts record no audit event, and a flag must never wait for a cache.
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from msrelief.audit.versions import data_version
from msrelief.clients import permissions
from msrelief.clients.forms import ClientFilterForm
from msrelief.core import jinja
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup
from msrelief.instruments.models import FlagState, SafetyFlag
from msrelief.notifications import services as outbox

PAGE_SIZE = 25
FLAG_COLUMNS = (
    "client_id", "message", "raised_at", "acknowledged_at", "resolved_at",
    "client__display_name", "acknowledged_by__full_name", "acknowledged_by__email",
)  # fmt: skip
DASHBOARD_COLUMNS = (
    "display_name", "phenotype", "edss", "therapist__full_name", "therapist__email",
)  # fmt: skip
# Bump when _dashboard_body.html or what it shows changes, so a shared cache drops old copies.
BODY_VERSION = 1
BODY_SECONDS = 60 * 60


# The clinic's unresolved flags, each with its "email not delivered" mark, in one query
# compiled once per connection (core/prepared.py): it runs on every request.
OPEN_FLAGS = PreparedLookup(
    SafetyFlag,
    lambda clinic_id: (
        SafetyFlag.objects.filter(clinic=clinic_id, resolved_at__isnull=True)
        .select_related("client", "acknowledged_by")
        .only(*FLAG_COLUMNS)
        .annotate(email_undelivered=outbox.undelivered_exists(SafetyFlag._meta.label_lower))
    ),
    marker=INTEGER_MARKER,
)


@staff_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    flags = OPEN_FLAGS.rows(request.user.clinic_id) if request.user.clinic_id else []
    context = {
        "new_flags": [flag for flag in flags if flag.state == FlagState.NEW],
        "open_flags": [flag for flag in flags if flag.state == FlagState.ACKNOWLEDGED],
        "undelivered": {flag.pk for flag in flags if flag.email_undelivered},  # type: ignore[attr-defined]
    }
    context["head"], context["body"] = _cached_parts(request)
    # Drawn with Jinja2, in the markup of the Django page it stands for (core/jinja.py).
    return jinja.render(request, "clients/dashboard.html", context)


def _cached_parts(request: AuthenticatedRequest) -> tuple[SafeString, SafeString]:
    """The heading and the page below the flags, from the cache when nothing they show can
    have changed."""
    key = _body_key(request)
    parts: tuple[str, str] | None = caches["pages"].get(key)
    if parts is None:
        head = render_to_string("clients/_dashboard_head.html", {}, request)
        body = render_to_string("clients/_dashboard_body.html", _body_context(request), request)
        parts = (head, body)
        caches["pages"].set(key, parts, BODY_SECONDS)
    # Drawn by the templates above, which escape.
    return mark_safe(parts[0]), mark_safe(parts[1])  # noqa: S308


def _body_key(request: AuthenticatedRequest) -> str:
    user = request.user
    parts = [
        BODY_VERSION,
        user.pk,
        user.clinic_id,
        data_version(user.clinic_id),
        timezone.localdate().isoformat(),
        timezone.get_current_timezone_name(),
        bool(request.GET),
        *(request.GET.get(name, "")[:200] for name in ("q", "phenotype", "page")),
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"dashboard-body:{digest}"


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
