"""services.cohort_report: which clients and responses count, who may ask, the audit, and a
query count that does not grow with the clinic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services as measures
from msrelief.programmes.models import ProgrammeTemplate
from msrelief.programmes.models_sessions import Enrolment
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.reports.services import cohort_report
from msrelief.reports.tests.helpers import FIRST_DAY, enter_phq9, phq9
from msrelief.testing import audit_turn_queries, make_client_record

pytestmark = pytest.mark.django_db


def phq9_total(report: Any) -> Any:
    (found,) = [c for c in report.constructs if c.instrument == "phq9" and c.score == "total"]
    return found


def test_baseline_is_the_first_response_and_end_the_last(therapist: Any, ms_client: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12, 9])
    other = make_client_record(therapist, display_name="Sam")
    enter_phq9(therapist, other, [10, 11, 6])
    result = phq9_total(cohort_report(therapist, CohortFilters()))
    assert result.n == 2
    assert result.summary.baseline_mean == 14.0
    assert result.summary.end_mean == 7.5
    assert result.summary.mean_change == -6.5
    # Falls of 9 and 4 points against PHQ-9's MCID of 5: one responder of two.
    assert (result.responders_mcid.count, result.responders_mcid.n) == (1, 2)


def test_a_client_with_one_response_counts_as_started_but_not_in_the_change(
    therapist: Any, ms_client: Any
) -> None:
    enter_phq9(therapist, ms_client, [18, 12])
    enter_phq9(therapist, make_client_record(therapist, display_name="Sam"), [10])
    report = cohort_report(therapist, CohortFilters())
    result = phq9_total(report)
    assert (result.n, result.completion.n, result.completion.proportion) == (1, 2, 0.5)
    assert (report.clients, report.n) == (2, 1)


def test_a_corrected_response_counts_only_through_its_correction(
    therapist: Any, ms_client: Any
) -> None:
    first, _ = enter_phq9(therapist, ms_client, [18, 12])
    measures.correct_response(therapist, first, phq9(20), "Item 3 was misread.")
    result = phq9_total(cohort_report(therapist, CohortFilters()))
    assert result.summary.baseline_mean == 20.0
    assert result.n == 1


def test_another_clinics_clients_never_count(therapist: Any, ms_client: Any, outsider: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12])
    theirs = make_client_record(outsider, display_name="Hill client")
    enter_phq9(outsider, theirs, [5, 20, 21])
    ours = phq9_total(cohort_report(therapist, CohortFilters()))
    assert (ours.n, ours.summary.baseline_mean) == (1, 18.0)
    hillside = phq9_total(cohort_report(outsider, CohortFilters()))
    assert (hillside.n, hillside.summary.baseline_mean) == (1, 5.0)


def test_the_filters_narrow_by_type_of_ms_edss_band_and_date_range(therapist: Any) -> None:
    rr = make_client_record(therapist, display_name="A", phenotype="RRMS", edss=Decimal("2.0"))
    sp = make_client_record(therapist, display_name="B", phenotype="SPMS", edss=Decimal("6.5"))
    unknown = make_client_record(therapist, display_name="C", edss=None)
    enter_phq9(therapist, rr, [20, 15, 10])
    enter_phq9(therapist, sp, [12, 12, 14])
    enter_phq9(therapist, unknown, [8, 4])
    assert phq9_total(cohort_report(therapist, CohortFilters(phenotype="SPMS"))).n == 1
    band = phq9_total(cohort_report(therapist, CohortFilters(edss_band="0-3.5")))
    assert (band.n, band.summary.baseline_mean) == (1, 20.0)
    assert phq9_total(cohort_report(therapist, CohortFilters(edss_band="none"))).n == 1
    # Weeks 1 and 2 only: A's 15 -> 10, B's 12 -> 14; C's second response is in week 1 only.
    dated = CohortFilters(date_from=FIRST_DAY + dt.timedelta(days=7))
    result = phq9_total(cohort_report(therapist, dated))
    assert (result.n, result.summary.baseline_mean) == (2, 13.5)
    early = CohortFilters(date_to=FIRST_DAY + dt.timedelta(days=7))
    ended = phq9_total(cohort_report(therapist, early)).summary.end_mean
    assert ended == pytest.approx((15 + 12 + 4) / 3)  # week 1: A 15, B 12, C 4


def test_the_programme_filter_keeps_clients_enrolled_in_that_programme(
    therapist: Any, ms_client: Any
) -> None:
    template = ProgrammeTemplate.objects.create(key="swedish-6w", title="Swedish massage")
    Enrolment.objects.create(
        clinic=therapist.clinic,
        client=ms_client,
        template=template,
        therapist=therapist,
        start_date=FIRST_DAY,
        weekdays=[1],
        session_time=dt.time(10),
        minutes=50,
        weeks=6,
        enrolled_by=therapist,
    )
    enter_phq9(therapist, ms_client, [18, 12])
    enter_phq9(therapist, make_client_record(therapist, display_name="Sam"), [10, 4])
    result = phq9_total(cohort_report(therapist, CohortFilters(programme="swedish-6w")))
    assert (result.n, result.summary.baseline_mean) == (1, 18.0)
    assert cohort_report(therapist, CohortFilters(programme="other")).constructs == ()


def test_only_clinic_staff_may_see_the_cohort(person_with_ms: Any) -> None:
    with pytest.raises(PermissionDenied, match="therapists and admins"):
        cohort_report(person_with_ms, CohortFilters())


def test_each_look_is_audited_with_the_filters_and_no_client(
    clinic_admin: Any, therapist: Any, ms_client: Any
) -> None:
    enter_phq9(therapist, ms_client, [18, 12])
    cohort_report(clinic_admin, CohortFilters(phenotype="RRMS"))
    event = AuditEvent.objects.get(event="clinic.cohort_viewed")
    assert event.actor == clinic_admin
    assert event.clinic == clinic_admin.clinic
    assert event.client_ref is None
    assert event.changes == {"filters": {"phenotype": "RRMS"}, "clients": 1}


def test_the_query_count_is_the_same_for_3_responses_and_for_300(therapist: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            cohort_report(therapist, CohortFilters(phenotype="RRMS", edss_band="0-3.5"))
        return len(captured.captured_queries)

    first = make_client_record(therapist, display_name="Client 0")
    enter_phq9(therapist, first, [15, 10, 8])
    few = count()
    for number in range(1, 100):
        client = make_client_record(therapist, display_name=f"Client {number}")
        enter_phq9(therapist, client, [number % 24, (number * 7) % 24, (number * 5) % 24])
    many = count()
    assert few == many
    # The clients and their EDSS, the corrected responses, the current responses; then the
    # audit event: its savepoint, its turn in the chain, its row, the savepoint's release.
    assert many == 3 + 1 + audit_turn_queries() + 1 + 1
