from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msrelief.accounts.decorators import clinic_admin_required
from msrelief.audit import services
from msrelief.audit.models import Action

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(required=False, choices=[("", "All actions"), *Action.choices])
    actor = forms.CharField(required=False, label="Who (email contains)", max_length=254)


@clinic_admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The clinic's audit trail, newest first. Read-only: there is nothing to edit."""
    events = services.events_for_clinic(request.user)
    filters = AuditFilterForm(request.GET)
    if filters.is_valid():
        if filters.cleaned_data["action"]:
            events = events.filter(action=filters.cleaned_data["action"])
        if filters.cleaned_data["actor"]:
            events = events.filter(actor_email__icontains=filters.cleaned_data["actor"])
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/audit_log.html", {"page": page, "filters": filters})
