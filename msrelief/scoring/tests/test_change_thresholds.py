"""The thresholds a cohort applies to many changes at once equal those of judge_change."""

from __future__ import annotations

import pytest

from msrelief.scoring import judge_change
from msrelief.scoring.change import JACOBSON_TRUAX, improvement_mcid, reliable_change_se


def test_the_cohort_sediff_is_the_one_judge_change_uses_with_its_sources() -> None:
    se_diff, sources = reliable_change_se("fss")
    assert se_diff == pytest.approx(0.989949, abs=1e-6)  # sqrt(2) x SEM 0.7 (Learmonth 2013)
    judged = judge_change("fss", 5.0, 3.5)
    assert se_diff == judged.se_diff
    assert sources[0] == JACOBSON_TRUAX
    assert sources == judged.sources[: len(sources)]


def test_a_score_without_reliability_has_no_sediff() -> None:
    assert reliable_change_se("phq9") == (None, ())


def test_the_improvement_mcid_is_the_threshold_judge_change_applies_to_an_improvement() -> None:
    threshold = improvement_mcid("phq9")
    assert (threshold.value, threshold.unit) == (5.0, "points")
    assert threshold.value == judge_change("phq9", 15.0, 8.0).mcid


def test_an_mcid_by_edss_band_is_chosen_by_the_edss_and_is_none_without_one() -> None:
    assert improvement_mcid("msis29@1.0", "physical", edss=3.0).value == 7.0
    assert improvement_mcid("msis29@1.0", "physical", edss=6.0).value == 8.0
    missing = improvement_mcid("msis29@1.0", "physical", edss=None)
    assert missing.value is None
    assert missing.note is not None and "EDSS" in missing.note
