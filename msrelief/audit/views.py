"""The clinic's audit log: every event in plain words, filtered, and downloadable as CSV."""

from __future__ import annotations

import csv
import io

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from msrelief.audit import services
from msrelief.audit.events import grouped_choices
from msrelief.audit.models import Action, AuditEvent
from msrelief.core.decorators import clinic_admin_required
from msrelief.core.http import AuthenticatedRequest, attachment
from msrelief.core.signin import recent_auth_required
from msrelief.core.voice import HouseVoice

PAGE_SIZE = 50
MAX_EXPORT_ROWS = 100_000


class AuditFilterForm(HouseVoice, forms.Form):
    event = forms.ChoiceField(
        required=False, label="Kind of event", choices=[("", "All kinds"), *grouped_choices()]
    )
    action = forms.ChoiceField(required=False, choices=[("", "All actions"), *Action.choices])
    actor = forms.CharField(required=False, label="Who (email contains)", max_length=254)
    client = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=2**53,
        label="Client number",
        help_text="The number in “Client #42”, shown on the client's record.",
    )
    since = forms.DateField(
        required=False, label="From (date)", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To (date)", widget=forms.DateInput(attrs={"type": "date"})
    )


def _filtered(request: AuthenticatedRequest) -> tuple[AuditFilterForm, QuerySet[AuditEvent]]:
    events = services.events_for_clinic(request.user)
    filters = AuditFilterForm(request.GET)
    if not filters.is_valid():
        return filters, events.none()
    data = filters.cleaned_data
    lookups = {
        "event": data["event"] or None,
        "action": data["action"] or None,
        "actor_email__icontains": data["actor"] or None,
        "client_ref": data["client"],
        "occurred_at__date__gte": data["since"],
        "occurred_at__date__lte": data["until"],
    }
    return filters, events.filter(**{k: v for k, v in lookups.items() if v is not None})


@clinic_admin_required
def audit_log(request: AuthenticatedRequest) -> HttpResponse:
    """The clinic's audit trail, newest first. Read-only: there is nothing to edit."""
    filters, events = _filtered(request)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    status = 400 if filters.errors else 200
    context = {"page": page, "filters": filters, "query": request.GET.urlencode()}
    return render(request, "audit/audit_log.html", context, status=status)


@clinic_admin_required
@recent_auth_required
def audit_csv(request: AuthenticatedRequest) -> HttpResponse:
    """The filtered events as CSV (at most MAX_EXPORT_ROWS, newest first); the download is
    itself audited. It needs a recent sign-in (password and second factor)."""
    _, events = _filtered(request)
    rows = list(events[:MAX_EXPORT_ROWS])
    services.record_export(request.user, len(rows), request.GET.dict())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "when",
            "event",
            "what happened",
            "who",
            "object",
            "client",
            "details",
            "request",
            "address",
        ]
    )
    for e in rows:
        writer.writerow(
            [
                timezone.localtime(e.occurred_at).isoformat(),
                e.event,
                e.sentence,
                e.actor_email,
                e.object_label,
                f"Client #{e.client_ref}" if e.client_ref else "",
                e.details,
                e.request_id,
                e.remote_addr or "",
            ]
        )
    return attachment(out.getvalue(), "msrelief-audit-log.csv", "text/csv; charset=utf-8")
