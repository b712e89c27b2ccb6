"""A client report as HTML (the page inside the site, or a document that stands alone for the
PDF) and as PDF (:func:`msrelief.core.pdf.html_to_pdf`). The charts are inline SVG, and every
score is in a table too, since a PDF's reader (or pdftotext) cannot read a chart's text."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from msrelief.core import pdf
from msrelief.reports import printing
from msrelief.reports.client_report.build import ClientReport
from msrelief.reports.client_report.plain import CAVEAT, NOT_CAUSE, plain_score
from msrelief.reports.progress.build import CAVEAT as TRIALS_CAVEAT

TITLES = {"client": "Your progress report", "clinician": "Clinical summary"}
OTHER_LABELS = {
    "client": "The report for the client",
    "clinician": "The clinical summary for their neurologist or GP",
}
BODIES = {
    "client": "reports/client_report/for_client.html",
    "clinician": "reports/client_report/for_clinician.html",
}


def title_of(report: ClientReport, audience: str) -> str:
    return f"{TITLES[audience]}: {report.client.display_name}"


def context(report: ClientReport, audience: str) -> dict[str, Any]:
    crisis = report.client.clinic.crisis_guidance
    return {
        "report": report,
        "audience": audience,
        "title": title_of(report, audience),
        "body": BODIES[audience],
        "plain": [plain_score(line) for line in report.scores] if audience == "client" else [],
        "caveat": CAVEAT,
        "not_cause": NOT_CAUSE,
        "trials_caveat": TRIALS_CAVEAT,
        "crisis": [line.strip() for line in crisis.splitlines() if line.strip()],
    }


def page(request: HttpRequest, report: ClientReport, audience: str) -> str:
    """The report as a page of the site (its navigation, the link to the PDF and to the other
    audience's report)."""
    values = context(report, audience)
    other = "clinician" if audience == "client" else "client"
    values["pdf_url"] = reverse(f"clients-report-{audience}-pdf", args=[report.client.pk])
    values["other_url"] = reverse(f"clients-report-{other}", args=[report.client.pk])
    values["other_label"] = OTHER_LABELS[other]
    return render_to_string("reports/client_report/page.html", values, request)


def document(report: ClientReport, audience: str) -> str:
    """The report as one HTML document with its style inside it, as the PDF is made from."""
    values = context(report, audience)
    values["style"] = printing.style()
    return render_to_string("reports/client_report/document.html", values)


def as_pdf(report: ClientReport, audience: str) -> bytes:
    """The PDF; raises :class:`msrelief.core.pdf.PdfUnavailable` without WeasyPrint's
    libraries."""
    return pdf.html_to_pdf(document(report, audience), title=title_of(report, audience))


def filename(report: ClientReport, audience: str, extension: str) -> str:
    """``msrelief-report-clinician-client-42-2026-05-01.pdf``: the client by number only."""
    day = report.made_on.isoformat()
    return f"msrelief-report-{audience}-client-{report.client.pk}-{day}.{extension}"
