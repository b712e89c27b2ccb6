"""The page /reports/cohort/meta/: each stored meta-analysis with the clinic's practice row
(hollow, labelled observational, in the plot, its description and its table) or the reason
in words; clinic staff only, their own clinic's clients only, filters as on the cohort page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client as Browser
from django.urls import reverse

from msrelief.reports.tests.beside_setup import phq9_clients, two_trials
from msrelief.testing import audit_turn_queries

pytestmark = pytest.mark.django_db
URL = "/reports/cohort/meta/"


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    """The analyses are kept in Django's cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


def page(user: Any, query: str = "") -> Any:
    browser = Browser()
    browser.force_login(user)
    return browser.get(URL + query)


def test_the_page_is_at_reports_cohort_meta_and_the_cohort_page_links_to_it(
    therapist: Any,
) -> None:
    assert reverse("reports-cohort-meta") == URL
    browser = Browser()
    browser.force_login(therapist)
    assert f'href="{URL}"' in browser.get("/reports/cohort/").content.decode()
    html = browser.get("/reports/cohort/?phenotype=rrms").content.decode()
    assert f'href="{URL}?phenotype=rrms"' in html, "the link keeps the cohort's filters"


def test_a_therapist_sees_the_practice_row_in_the_plot_its_description_and_its_table(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    response = page(therapist)
    assert response.status_code == 200
    html = response.content.decode()
    label = (
        "This clinic (observational): within-group change of 4 clients, not comparable to a "
        "randomised difference"
    )
    assert f'<th scope="row">{label}</th>' in html
    assert '<td data-label="Weight">not pooled</td>' in html
    assert html.count('role="img"') == 2, "the wide and the compact forest plot"
    assert "not comparable to the randomised difference" in html
    assert "The trials measured PHQ-9 total score. This clinic: 4 clients" in html
    assert "Trials pooled at: trial1: after 6 weeks; trial2: after 6 weeks." in html


def test_an_analysis_on_no_msrelief_instrument_says_so_and_why(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin, instrument_code="")
    phq9_clients(therapist)
    html = page(therapist).content.decode()
    assert "None of the stored meta-analyses uses a questionnaire score that msrelief computes" in (
        html
    )
    assert "<strong>No practice row:</strong> the results of trial1, trial2 do not name" in html
    assert "(observational)" not in html


def test_the_seeded_evidence_base_gives_no_meta_analysis_and_the_page_says_so(
    therapist: Any,
) -> None:
    from msrelief.evidence import seeding

    seeding.load()
    phq9_clients(therapist)
    html = page(therapist).content.decode()
    assert "<strong>No meta-analysis yet.</strong>" in html
    assert 'role="img"' not in html


def test_a_client_with_a_login_is_refused(person_with_ms: Any) -> None:
    assert page(person_with_ms).status_code == 403


def test_someone_not_signed_in_is_sent_to_the_login_page() -> None:
    response = Browser().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_outsider_sees_their_own_clinic_and_none_of_this_clinics_clients(
    clinic_admin: Any, therapist: Any, outsider: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    html = page(outsider).content.decode()
    assert "0 of the clinic&#x27;s clients have a baseline and an end" in html
    assert "(observational)" not in html


def test_a_date_range_that_ends_before_it_starts_is_refused_naming_the_field(
    therapist: Any,
) -> None:
    response = page(therapist, "?date_from=2026-03-10&date_to=2026-03-01")
    assert response.status_code == 400
    assert "The end of the date range cannot be before its start." in response.content.decode()


def test_the_page_reads_one_query_for_the_studies_and_three_for_the_score_it_maps_to(
    clinic_admin: Any, therapist: Any, django_assert_num_queries: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    browser = Browser()
    browser.force_login(therapist)
    # session, user, clinic, programme choices; the studies; clients and responses (3);
    # the audit event (savepoint, insert, release, and its turn: the last hash, and on
    # PostgreSQL the writers' lock)
    with django_assert_num_queries(11 + audit_turn_queries()):
        assert browser.get(URL).status_code == 200
