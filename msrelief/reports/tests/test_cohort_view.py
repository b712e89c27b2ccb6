"""The cohort page /reports/cohort/: clinic staff only, their own clinic's data only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from msrelief.reports.tests.helpers import enter_phq9
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db
URL = "/reports/cohort/"


def page(user: Any, query: str = "") -> Any:
    browser = Browser()
    browser.force_login(user)
    return browser.get(URL + query)


def test_the_page_is_at_reports_cohort() -> None:
    assert reverse("reports-cohort") == URL


def test_a_therapist_sees_each_score_in_a_captioned_table_with_its_interval(
    therapist: Any, ms_client: Any
) -> None:
    enter_phq9(therapist, ms_client, [18, 12, 9])
    enter_phq9(therapist, make_client_record(therapist, display_name="Sam"), [10, 11, 6])
    response = page(therapist)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and "Patient Health Questionnaire" in html
    assert '<th scope="row">Mean change, end minus baseline</th>' in html
    # changes -9 and -4: mean -6.50, t(0.975, 1) = 12.706205, half-width 31.765512
    assert "-6.50 (95 % CI -38.27 to 25.27)" in html
    assert "1 of 2: 50 %" in html  # responders by PHQ-9's MCID of 5 points
    assert "Instrument and scoring version: phq9@1.0, scored by phq9@1.0/scoring-1." in html
    assert "Thresholds from: Löwe B et al." in html
    assert ".." not in html.split("Thresholds from:")[1].split("</p>")[0]


def test_the_page_says_the_figures_are_observational_and_explains_each_line(
    clinic_admin: Any,
) -> None:
    html = page(clinic_admin).content.decode()
    assert "no control group" in html
    assert "association" in html and "not that the care caused it" in html
    assert "<dt>Responders by reliable change</dt>" in html


def test_a_client_with_a_login_is_refused(person_with_ms: Any) -> None:
    assert page(person_with_ms).status_code == 403


def test_someone_not_signed_in_is_sent_to_the_login_page() -> None:
    response = Browser().get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_outsider_sees_their_own_clinic_and_none_of_this_clinics_clients(
    therapist: Any, ms_client: Any, outsider: Any
) -> None:
    enter_phq9(therapist, ms_client, [18, 12, 9])
    html = page(outsider).content.decode()
    assert "Hillside Practice" in html
    assert "Patient Health Questionnaire" not in html
    assert "0 clients match" in html


def test_a_date_range_that_ends_before_it_starts_is_refused_naming_the_field(
    therapist: Any,
) -> None:
    response = page(therapist, "?date_from=2026-05-01&date_to=2026-04-01")
    assert response.status_code == 400
    assert "The end of the date range cannot be before its start." in response.content.decode()


def test_an_unknown_edss_band_or_a_bad_date_is_refused_without_a_500(therapist: Any) -> None:
    response = page(therapist, "?edss_band=11&date_from=yesterday")
    assert response.status_code == 400
    html = response.content.decode()
    assert "EDSS band" in html
    assert "From (date)" in html


def test_the_filters_keep_their_values_on_the_page(therapist: Any, ms_client: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12])
    html = page(therapist, "?phenotype=RRMS&edss_band=0-3.5").content.decode()
    assert '<option value="RRMS" selected>' in html
    assert "1 client matches" in html
