"""practice_estimate: the clinic's pooled change on one score, for the forest plot."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from msrelief.reports.cohort.practice import practice_estimate
from msrelief.reports.tests.helpers import enter_phq9
from msrelief.stats.cohort import practice_change
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db


def test_the_estimate_is_the_pooled_change_of_the_clinics_pairs(
    therapist: Any, clinic: Any
) -> None:
    totals = [(18, 12, 9), (10, 11, 6), (20, 14, 15), (7, 7, 3)]
    for number, series in enumerate(totals):
        client = make_client_record(therapist, display_name=f"Client {number}")
        enter_phq9(therapist, client, list(series))
    estimate = practice_estimate(clinic, "phq9")
    assert estimate is not None
    expected = practice_change(
        np.array([s[0] for s in totals], dtype=float),
        np.array([s[-1] for s in totals], dtype=float),
    )
    assert estimate == expected
    assert estimate.label == "Practice (observational)"
    assert estimate.mean_change == pytest.approx(-5.5)
    assert estimate.smcr is not None and estimate.smcr < 0


def test_no_estimate_without_a_client_with_a_baseline_and_an_end(
    therapist: Any, ms_client: Any, clinic: Any
) -> None:
    enter_phq9(therapist, ms_client, [18])
    assert practice_estimate(clinic, "phq9") is None
    assert practice_estimate(clinic, "mfis21") is None


def test_another_clinics_responses_never_enter_the_estimate(
    therapist: Any, ms_client: Any, outsider: Any, clinic: Any
) -> None:
    enter_phq9(therapist, ms_client, [18, 12])
    enter_phq9(outsider, make_client_record(outsider, display_name="Hill"), [3, 20])
    estimate = practice_estimate(clinic, "phq9")
    assert estimate is not None
    assert (estimate.n, estimate.mean_change) == (1, -6.0)
