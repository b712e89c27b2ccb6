"""The cohort report as a document that stands alone (its style inside it) and as its PDF:
the same tables as the page (:func:`.display.construct_view`), dated, with the clinic, the
filters, the caveat and each table's instrument and scoring versions."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from msrelief.core import pdf
from msrelief.reports import printing
from msrelief.reports.cohort.build import CohortReport
from msrelief.reports.cohort.display import construct_view

FILTER_LABELS = {
    "programme": "Programme",
    "phenotype": "Type of MS",
    "edss_band": "EDSS band",
    "date_from": "From",
    "date_to": "To",
}


def document(report: CohortReport) -> str:
    filters = [(FILTER_LABELS[key], value) for key, value in report.filters.as_dict().items()]
    context = {
        "report": report,
        "filters": filters,
        "tables": [construct_view(result) for result in report.constructs],
        "made_on": timezone.localdate(),
        "software": printing.software(),
        "style": printing.style(),
    }
    return render_to_string("reports/cohort_document.html", context)


def as_pdf(report: CohortReport) -> bytes:
    """The PDF; raises :class:`msrelief.core.pdf.PdfUnavailable` without WeasyPrint's
    libraries."""
    return pdf.html_to_pdf(document(report), title=f"Cohort outcomes of {report.clinic}")


def filename(report: CohortReport) -> str:
    return f"msrelief-cohort-{timezone.localdate().isoformat()}.pdf"
