"""practice_beside_trials: each stored meta-analysis with the clinic's practice row when the
written rule allows it (one instrument and score, a stated direction that msrelief shares, at
least two paired clients, a standardised change), the reason in words when it does not, the
sign on the side that favours massage, who may ask, and the audit of each look."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from msrelief.audit.models import AuditEvent
from msrelief.reports.cohort.beside import NOT_COMPARABLE
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.reports.services import practice_beside_trials
from msrelief.reports.tests.beside_setup import (
    FALLING,
    phq9_clients,
    two_trials,
    who5_clients,
)
from msrelief.stats.cohort import practice_change
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db
ALL = CohortFilters()


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    """The analyses are kept in Django's cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


def _only(actor: Any) -> Any:
    (item,) = practice_beside_trials(actor, ALL)
    return item


def test_a_fall_on_a_lower_is_better_score_lands_on_the_side_that_favours_massage(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    item = _only(therapist)
    assert item.shown and item.reason == ""
    assert (item.score.instrument, item.score.name) == ("phq9", "total")
    expected = practice_change(
        np.array([s[0] for s in FALLING], dtype=float),
        np.array([s[-1] for s in FALLING], dtype=float),
    )
    assert item.practice == expected and expected.smcr is not None
    practice = item.table[-1]
    assert practice["kind"] == "practice" and practice["weight"] is None
    assert practice["estimate"] == pytest.approx(expected.smcr) and practice["estimate"] < 0
    assert item.analysis.better == "lower"
    assert "Values below 0 favour the treatment." in item.description
    assert practice["label"] == "This clinic (observational)"


def test_a_rise_on_a_higher_is_better_score_lands_above_zero_where_massage_is_favoured(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin, instrument_code="who5", construct="Well-being",
               direction="higher is better")  # fmt: skip
    who5_clients(therapist, [(8, 14), (10, 12), (12, 19), (15, 16)])
    item = _only(therapist)
    assert item.shown and item.analysis.better == "higher"
    assert item.table[-1]["estimate"] > 0
    assert "Values above 0 favour the treatment." in item.description


def test_the_practice_row_is_the_standardised_change_not_the_change_in_points(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    item = _only(therapist)
    (row,) = [r for r in item.table if r["kind"] == "practice"]
    assert item.practice.mean_change == pytest.approx(-5.5)
    assert row["estimate"] == pytest.approx(item.practice.smcr)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(
        (item.practice.smcr_ci.low, item.practice.smcr_ci.high)
    )
    assert "mean change -5.5 points" in item.change_text


def test_the_description_labels_the_row_a_within_group_change_not_a_randomised_difference(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    item = _only(therapist)
    assert NOT_COMPARABLE in item.description
    assert "not comparable to the randomised difference" in NOT_COMPARABLE
    assert "shown for comparison and not pooled" in item.description
    assert "This clinic (observational)" in item.wide_svg


def test_the_trials_pooled_estimate_is_the_same_with_or_without_the_practice_row(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    without = _only(therapist)
    phq9_clients(therapist)
    cache.clear()
    with_row = _only(therapist)
    assert not without.shown and with_row.shown
    assert list(without.table) == list(with_row.table)[:-1]


@pytest.mark.parametrize(
    ("result", "reason"),
    [
        ({"instrument_code": "", "score_name": ""},
         "the results of trial1, trial2 do not name an instrument msrelief scores"),
        ({"instrument_code": "msis29", "score_name": ""},
         "msis29 has several scores and the results do not say which one"),
        ({"direction": "scored as in the manual"},
         "the studies do not say whether lower or higher is better"),
        ({"direction": "higher is better"},
         "the studies record that higher is better, but msrelief scores PHQ-9 total score the "
         "other way round"),
    ],
)  # fmt: skip
def test_an_analysis_the_rule_does_not_allow_says_why_and_draws_no_practice_row(
    clinic_admin: Any, therapist: Any, result: dict[str, str], reason: str
) -> None:
    two_trials(clinic_admin, **result)
    phq9_clients(therapist)
    item = _only(therapist)
    assert not item.shown and item.reason.startswith(reason)
    assert item.practice is None
    assert all(row["kind"] != "practice" for row in item.table)
    assert "observational" not in item.description


def test_results_on_two_different_scores_are_not_comparable(
    clinic_admin: Any, therapist: Any
) -> None:
    from msrelief.evidence import services as evidence
    from msrelief.evidence.models import Result

    two_trials(clinic_admin, instrument_code="mfis21", score_name="total")
    evidence.update_result(clinic_admin, Result.objects.get(key="trial2-massage"),
                           score_name="physical")  # fmt: skip
    item = _only(therapist)
    assert item.reason == (
        "the pooled results report different instruments or scores (mfis21 physical, mfis21 total)"
    )


@pytest.mark.parametrize(
    ("series", "reason"),
    [
        ([], "0 of the clinic's clients have a baseline and an end on PHQ-9 total score"),
        ([(18, 12)], "1 of the clinic's clients has a baseline and an end on PHQ-9 total score "
                     "in this selection; the row needs at least 2"),
        ([(18, 12), (10, 9)], "the clinic's change on PHQ-9 total score cannot be standardised"),
        ([(9, 6), (9, 5), (9, 7)], "the clinic's change on PHQ-9 total score cannot be "
                                   "standardised"),  # no spread at baseline
    ],
)  # fmt: skip
def test_too_few_clients_or_a_change_that_cannot_be_standardised_draw_no_row(
    clinic_admin: Any, therapist: Any, series: list[tuple[int, ...]], reason: str
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist, series)
    item = _only(therapist)
    assert not item.shown and item.reason.startswith(reason)


def test_another_clinics_clients_never_enter_the_practice_row(
    clinic_admin: Any, therapist: Any, outsider: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    item = _only(outsider)
    assert not item.shown and item.reason.startswith("0 of the clinic's clients")


def test_the_filters_narrow_the_clients_of_the_practice_row(
    clinic_admin: Any, therapist: Any
) -> None:
    import datetime as dt

    two_trials(clinic_admin)
    phq9_clients(therapist)
    (item,) = practice_beside_trials(therapist, CohortFilters(date_to=dt.date(2026, 3, 2)))
    assert not item.shown and item.reason.startswith("0 of the clinic's clients")


def test_a_look_is_audited_with_the_filters_and_the_rows_drawn_never_a_client(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    phq9_clients(therapist)
    practice_beside_trials(therapist, CohortFilters(phenotype="rrms"))
    event = AuditEvent.objects.get(event="clinic.practice_viewed")
    assert event.actor == therapist and event.clinic == therapist.clinic
    assert event.changes == {"filters": {"phenotype": "rrms"}, "analyses": 1, "practice_rows": 0}


def test_without_a_stored_meta_analysis_there_is_nothing_to_set_beside(therapist: Any) -> None:
    phq9_clients(therapist)
    assert practice_beside_trials(therapist, ALL) == []


def test_a_client_with_a_login_is_refused(person_with_ms: Any) -> None:
    with pytest.raises(PermissionDenied, match="therapists and admins"):
        practice_beside_trials(person_with_ms, ALL)
    assert not AuditEvent.objects.filter(event="clinic.practice_viewed").exists()


def test_a_client_record_alone_is_not_counted_without_two_responses(
    clinic_admin: Any, therapist: Any
) -> None:
    two_trials(clinic_admin)
    make_client_record(therapist, display_name="No answers yet")
    phq9_clients(therapist, [(18, 12), (10, 9), (20, 14)])
    item = _only(therapist)
    assert item.shown and item.practice.n == 3
