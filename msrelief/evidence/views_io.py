"""Import references from BibTeX, RIS or CSL-JSON (preview first; all or nothing) and export
every reference in each format."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from msrelief.core.http import AuthenticatedRequest, attachment, posted
from msrelief.evidence import services
from msrelief.evidence.bibliography import export_references
from msrelief.evidence.change_models import EvidenceProposal
from msrelief.evidence.forms import ImportForm
from msrelief.evidence.models import Reference
from msrelief.evidence.views_edit import editor_required

EXPORTS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


@editor_required
def references_import(request: AuthenticatedRequest) -> HttpResponse:
    form = ImportForm(posted(request), request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        content, fmt = form.cleaned_data["content"], form.cleaned_data["format"]
        if "confirm" in request.POST:
            try:
                added = services.import_reference_file(request.user, content, fmt)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                if any(isinstance(item, EvidenceProposal) for item in added):
                    messages.info(request, f"{len(added)} references were sent for review.")
                    return redirect("evidence-proposals")
                messages.success(request, f"{len(added)} references were added.")
                return redirect("evidence-references")
        else:
            preview = services.preview_import(request.user, content, fmt)
            if preview.errors:
                form.add_error(None, "Nothing was saved. Put these problems right and try again.")
    context = {"form": form, "preview": preview}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "evidence/import.html", context, status=status)


def references_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every reference as a BibTeX, RIS or CSL-JSON download."""
    if fmt not in EXPORTS:
        raise Http404("No such format.")
    content_type, extension = EXPORTS[fmt]
    text = export_references([reference.csl() for reference in Reference.objects.all()], fmt)
    return attachment(text, f"msrelief-references.{extension}", content_type)
