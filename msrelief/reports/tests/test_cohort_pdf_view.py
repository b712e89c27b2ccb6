"""The cohort report as a PDF (/reports/cohort.pdf): the page's filters and figures, dated, with
the versions; for the clinic's staff only; audited like the page, as an export."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser

from msrelief.audit.models import AuditEvent
from msrelief.reports.tests.helpers import enter_phq9
from msrelief.reports.tests.pdf_text import pdf_text
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db
URL = "/reports/cohort.pdf"


def download(user: Any, query: str = "") -> Any:
    browser = Browser()
    if user is not None:
        browser.force_login(user)
    return browser.get(URL + query)


@pytest.fixture
def cohort(therapist: Any, ms_client: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12, 9])
    enter_phq9(therapist, make_client_record(therapist, display_name="Sam"), [10, 11, 6])


def test_the_pdf_has_the_figures_of_the_page_the_filters_and_the_versions(
    cohort: None, colleague: Any, tmp_path: Any
) -> None:
    response = download(colleague, "?phenotype=RRMS")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="msrelief-cohort-')
    text = pdf_text(response.content, tmp_path)
    assert "Cohort outcomes of Harbour Street Clinic" in text
    assert "Type of MS RRMS" in text
    assert "-6.50 (95 % CI -38.27 to 25.27)" in text
    assert "phq9@1.0, scored by phq9@1.0/scoring-1" in text
    assert "association with being in care" in text


def test_the_download_is_audited_as_an_export_with_the_filters_and_the_format(
    cohort: None, therapist: Any, clinic: Any
) -> None:
    download(therapist, "?phenotype=RRMS")
    event = AuditEvent.objects.get(event="clinic.cohort_exported")
    assert event.actor == therapist and event.clinic == clinic
    assert event.changes == {"filters": {"phenotype": "RRMS"}, "clients": 2, "format": "pdf"}


def test_a_bad_filter_is_answered_with_the_page_and_its_error_and_no_pdf(therapist: Any) -> None:
    response = download(therapist, "?date_from=2026-05-01&date_to=2026-04-01")
    assert response.status_code == 400
    assert "The end of the date range cannot be before its start." in response.content.decode()
    assert not AuditEvent.objects.filter(event="clinic.cohort_exported").exists()


def test_a_client_login_is_refused_and_a_visitor_is_sent_to_log_in(person_with_ms: Any) -> None:
    assert download(person_with_ms).status_code == 403
    assert download(None).status_code == 302


def test_the_cohort_page_links_to_the_pdf_with_its_filters(cohort: None, therapist: Any) -> None:
    browser = Browser()
    browser.force_login(therapist)
    html = browser.get("/reports/cohort/?phenotype=RRMS").content.decode()
    assert 'href="/reports/cohort.pdf?phenotype=RRMS"' in html
