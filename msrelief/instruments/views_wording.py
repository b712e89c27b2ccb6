"""Clinic admins import the licensed wording of scoring-only questionnaires (MFIS, MSIS-29, …).

A thin view over ``services.import_clinic_questionnaire``, the same service as
``msrelief import-questionnaire``: it checks the Questionnaire against the definition, stores it
for this clinic only, and audits the import.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from msrelief.core import errors
from msrelief.core.decorators import clinic_admin_required
from msrelief.core.http import AuthenticatedRequest, attachment, posted
from msrelief.instruments import services
from msrelief.instruments.forms import WordingImportForm, scoring_only_choices
from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.scoring import get_definition


def _rows(clinic_id: int) -> list[dict[str, object]]:
    """One row per scoring-only questionnaire, with this clinic's wording of its current
    version (wording of an earlier version does not count: its items may differ)."""
    imported = {
        (stored.instrument_code, stored.instrument_version): stored
        for stored in ClinicQuestionnaire.objects.filter(clinic_id=clinic_id).select_related(
            "imported_by"
        )
    }
    rows = []
    for code, _ in scoring_only_choices():
        definition = get_definition(code)
        rows.append(
            {
                "code": code,
                "definition": definition,
                "stored": imported.get((code, definition.version)),
            }
        )
    return rows


@clinic_admin_required
def wording(request: AuthenticatedRequest) -> HttpResponse:
    form = WordingImportForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid() and "questionnaire" in form.cleaned_data:
        data = form.cleaned_data
        try:
            stored = services.import_clinic_questionnaire(
                request.user, data["instrument"], data["questionnaire"], data["licence_note"]
            )
        except ValidationError as error:
            errors.add_to_form(form, error, aliases={"questionnaire": form.questionnaire_field})
        else:
            messages.success(
                request,
                f"Saved your wording of {stored.instrument_code}. Your clinic's clients can now "
                "be sent it; other clinics cannot see it.",
            )
            return redirect("instruments-wording")
    context = {"form": form, "rows": _rows(request.user.clinic_id or 0)}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "instruments/wording.html", context, status=status)


@clinic_admin_required
def structure(request: HttpRequest, code: str) -> HttpResponse:
    """The definition's FHIR Questionnaire (items and answer values, neutral labels only) to
    fill in with licensed wording."""
    if code not in dict(scoring_only_choices()):
        raise Http404("No scoring-only questionnaire has this code.")
    body = json.dumps(get_definition(code).questionnaire, indent=2, ensure_ascii=False)
    return attachment(body + "\n", f"{code}-structure.json", "application/fhir+json; charset=utf-8")
