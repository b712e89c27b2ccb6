"""The clinic's record of processing activities (/privacy/processing/): every member of the
clinic's staff reads their own clinic's, as a page or a CSV; the clinic admin changes the
clinic's purpose, lawful basis and recipients of an activity. There is no clinic in the
address: each person only ever sees their own clinic's."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from msrelief.accounts.models import Clinic
from msrelief.core import errors
from msrelief.core.decorators import clinic_admin_required, staff_required
from msrelief.core.http import AuthenticatedRequest, attachment
from msrelief.privacy import activities, forms, processing, services
from msrelief.privacy.models import ProcessingRecord


def _clinic(request: AuthenticatedRequest) -> Clinic:
    clinic = request.user.clinic
    if clinic is None:  # staff_required lets no one without a clinic through
        raise Http404("No clinic")
    return clinic


@staff_required
def processing_page(request: AuthenticatedRequest) -> HttpResponse:
    clinic = _clinic(request)
    context = {"clinic": clinic, "rows": processing.table(clinic)}
    return render(request, "privacy/processing.html", context)


@staff_required
def processing_csv(request: AuthenticatedRequest) -> HttpResponse:
    text = processing.as_csv(processing.table(_clinic(request)))
    name = f"processing-activities-{timezone.localdate():%Y-%m-%d}.csv"
    return attachment(text, name, "text/csv; charset=utf-8")


@clinic_admin_required
def processing_edit(request: AuthenticatedRequest, key: str) -> HttpResponseBase:
    activity = activities.BY_KEY.get(key)
    if activity is None:
        raise Http404("No such processing activity")
    clinic = _clinic(request)
    own = ProcessingRecord.objects.filter(clinic=clinic, activity=key).first()
    initial = {name: getattr(own or activity, name) for name in activities.EDITABLE}
    form = forms.ProcessingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_processing(request.user, key, **form.cleaned_data)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"The clinic's wording of “{activity.title}” is saved.")
            return redirect("privacy-processing")
    status = 400 if request.method == "POST" else 200  # a refused form, as on every form page
    context = {"activity": activity, "own": own, "form": form}
    return render(request, "privacy/processing_edit.html", context, status=status)
