"""Programme templates: the list (from the trials, and the clinic's own), one template with its
source and time points, a new clinic template (from scratch or from another) and a new version.
Thin views over ``services.templates``; another clinic's template is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.programmes import services
from msrelief.programmes.forms import TemplateForm, template_initial, time_points
from msrelief.programmes.models import ProgrammeTemplate
from msrelief.programmes.services._common import template_or_404, templates_for


def _latest_only(rows: list[ProgrammeTemplate]) -> list[ProgrammeTemplate]:
    seen: set[str] = set()
    latest = []
    for row in sorted(rows, key=lambda t: (t.key, -t.version)):
        if row.key not in seen:
            seen.add(row.key)
            latest.append(row)
    return sorted(latest, key=lambda t: t.title.lower())


@staff_required
def template_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = list(templates_for(request.user).select_related("arm__study__reference"))
    latest = _latest_only(rows)
    context = {
        "trial_templates": [t for t in latest if t.from_trial],
        "clinic_templates": [t for t in latest if not t.from_trial],
    }
    return render(request, "programmes/template_list.html", context)


@staff_required
def template_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = template_or_404(request.user, pk)
    versions = templates_for(request.user).filter(key=template.key).order_by("-version")
    context = {
        "template": template,
        "time_points": template.time_points.all(),
        "versions": list(versions) if not template.from_trial else [],
        "latest": versions.first(),
    }
    return render(request, "programmes/template_detail.html", context)


def _form_page(
    request: AuthenticatedRequest, form: TemplateForm, source: ProgrammeTemplate | None, mode: str
) -> HttpResponse:
    status = 400 if form.errors else 200
    context = {"form": form, "source": source, "mode": mode}
    return render(request, "programmes/template_form.html", context, status=status)


@staff_required
def template_new(request: AuthenticatedRequest) -> HttpResponse:
    """A new clinic template; ``?from=PK`` starts from another template (a trial's, say)."""
    source_pk = request.GET.get("from") or request.POST.get("from")
    source = template_or_404(request.user, source_pk) if source_pk else None
    initial = template_initial(source) if source else {}
    if source is not None and source.from_trial:
        initial["title"] = f"{source.title} (our version)"
    form = TemplateForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.create_template(
                request.user, time_points(form, source), based_on=source, **form.protocol()
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"The template {made.title} was saved.")
            return redirect("programmes-template", pk=made.pk)
    return _form_page(request, form, source, "new")


@staff_required
def template_version(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = template_or_404(request.user, pk)
    form = TemplateForm(_posted(request), initial=template_initial(template), versioned=True)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.new_version(
                request.user,
                template,
                time_points(form, template),
                form.cleaned_data["change_note"],
                **form.protocol(),
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"Version {made.version} of {made.title} was saved.")
            return redirect("programmes-template", pk=made.pk)
    return _form_page(request, form, template, "version")
