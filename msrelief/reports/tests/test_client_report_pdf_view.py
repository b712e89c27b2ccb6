"""The client reports as PDF downloads (``.../report/client.pdf``, ``.../clinician.pdf``): an
attachment whose text (read back with pdftotext) has the baseline and latest scores and the
versions; audited; 404 for another clinic; a clear 503 when this server cannot make PDFs."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.core import pdf
from msrelief.reports.tests.pdf_text import pdf_text
from msrelief.reports.tests.progress_setup import enter

pytestmark = pytest.mark.django_db


def _url(audience, client_record):
    return reverse(f"clients-report-{audience}-pdf", args=[client_record.pk])


@pytest.fixture
def scored(therapist, ms_client):
    enter(therapist, ms_client, "fss", [6, 5, 4, 3])
    return ms_client


def test_the_clinician_pdf_has_the_baseline_and_latest_scores_bands_and_versions(
    client, colleague, scored, tmp_path
):
    client.force_login(colleague)
    response = client.get(_url("clinician", scored))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and f"client-{scored.pk}-" in disposition
    text = pdf_text(response.content, tmp_path)
    row = next(line for line in text.splitlines() if line.lstrip().startswith("FSS:"))
    assert re.search(r"\b6 \(", row) and re.search(r"\b3 \(", row), "baseline 6, latest 3"
    assert "Improved" in text and "substantial" in text and "below 4" in text
    assert "fss@1.0/scoring-1" in text and "Clinical summary: Robin Example" in text


def test_the_client_pdf_has_the_first_and_latest_scores_in_words_and_the_versions(
    client, therapist, scored, tmp_path
):
    client.force_login(therapist)
    text = pdf_text(client.get(_url("client", scored)).content, tmp_path)
    # The PDF wraps its lines where the dates' lengths put the words, so read it as words.
    words = " ".join(text.split())
    assert "Your first score was 6 on" in words and "Your latest score is 3 on" in words
    assert "Better" in text and "fss@1.0/scoring-1" in text


def test_a_download_is_audited_as_an_export_once_the_pdf_is_made(client, therapist, scored):
    client.force_login(therapist)
    client.get(_url("client", scored))
    event = AuditEvent.objects.get(event="client.report_exported")
    assert event.actor == therapist and event.client_ref == scored.pk
    assert event.changes == {"audience": "client", "format": "pdf"}


@pytest.mark.parametrize("audience", ["client", "clinician"])
def test_staff_of_another_clinic_get_a_404(client, outsider, scored, audience):
    client.force_login(outsider)
    assert client.get(_url(audience, scored)).status_code == 404


def test_without_the_pdf_libraries_the_answer_is_a_503_naming_them_and_nothing_is_audited(
    client, therapist, scored, monkeypatch
):
    def missing(html: str, *, title: str = "") -> bytes:
        raise pdf.PdfUnavailable("PDFs need the Pango library: run scripts/system-packages.sh")

    monkeypatch.setattr(pdf, "html_to_pdf", missing)
    client.force_login(therapist)
    response = client.get(_url("clinician", scored))
    assert response.status_code == 503
    assert "PDFs need the Pango library" in response.content.decode()
    assert not AuditEvent.objects.filter(event="client.report_exported").exists()
