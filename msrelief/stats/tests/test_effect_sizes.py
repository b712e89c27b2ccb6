"""Effect sizes against metafor ``escalc()`` outputs and the textbook formulas."""

from __future__ import annotations

import math

import pytest

from msrelief.stats.effect_sizes import (
    EffectSize,
    from_confidence_interval,
    hedges_correction,
    hedges_g,
    log_odds_ratio,
    log_risk_ratio,
    mean_difference,
    percent_change,
    ratio_to_percent_change,
    standardised_mean_change,
)
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.tests import reference_data as ref


def agrees(actual: float, expected: float, decimals: int) -> bool:
    """True when ``actual`` rounds to the printed ``expected`` at ``decimals`` places."""
    return abs(actual - expected) <= 0.5 * 10.0**-decimals + 1e-12


@pytest.mark.parametrize(
    ("trial", "expected"),
    [pytest.param(t, e, id=t[0]) for t, e in zip(ref.BCG, ref.BCG_RR_ESCALC, strict=True)],
)
def test_log_risk_ratio_matches_metafor_escalc_on_bcg_trials(
    trial: tuple[str, int, int, int, int], expected: tuple[float, float]
) -> None:
    # Source: https://www.metafor-project.org/doku.php/tips:testing_factors_lincoms
    es = log_risk_ratio(*trial[1:])
    assert agrees(es.yi, expected[0], 4)
    assert agrees(es.vi, expected[1], 4)


@pytest.mark.parametrize(
    ("trial", "expected"),
    [pytest.param(t, e, id=t[0]) for t, e in zip(ref.BCG, ref.BCG_OR_ESCALC_FIRST7, strict=False)],
)
def test_log_odds_ratio_matches_metafor_escalc_on_bcg_trials(
    trial: tuple[str, int, int, int, int], expected: tuple[float, float]
) -> None:
    # Source: https://www.metafor-project.org/doku.php/analyses:vanhouwelingen2002
    es = log_odds_ratio(*trial[1:])
    assert agrees(es.yi, expected[0], 4)
    assert agrees(es.vi, expected[1], 4)


@pytest.mark.parametrize("row", ref.FINE1993)
def test_log_ratios_match_metafor_escalc_to_full_precision_on_fine1993(
    row: tuple[int, int, int, int, float, float, float, float],
) -> None:
    # Source: statsmodels results_meta.py, eff_prop1 (R metafor escalc output).
    e1, n1, e2, n2, y_or, v_or, y_rr, v_rr = row
    odds = log_odds_ratio(e1, n1 - e1, e2, n2 - e2)
    risk = log_risk_ratio(e1, n1 - e1, e2, n2 - e2)
    assert odds.yi == pytest.approx(y_or, rel=1e-12, abs=1e-14)
    assert odds.vi == pytest.approx(v_or, rel=1e-12)
    assert risk.yi == pytest.approx(y_rr, rel=1e-12, abs=1e-14)
    assert risk.vi == pytest.approx(v_rr, rel=1e-12)


@pytest.mark.parametrize("row", ref.AMA_SMD, ids=lambda row: str(row[0]))
def test_hedges_g_matches_metafor_smd_with_exact_correction_to_full_precision(
    row: tuple[str, float, float, int, float, float, int, float, float],
) -> None:
    # Source: statsmodels test_meta.py TestEffSmdMeta (metafor escalc measure="SMD").
    es = hedges_g(*row[1:7])
    assert es.yi == pytest.approx(row[7], rel=1e-12)
    assert es.vi == pytest.approx(row[8], rel=1e-12)


@pytest.mark.parametrize(
    ("row", "yi", "vi"),
    [
        (ref.NORMAND1999[0], -0.3552, 0.0131),
        (ref.NORMAND1999[1], -0.3479, 0.0645),
        (ref.NORMAND1999[2], -2.3176, 0.0458),
        (ref.NORMAND1999[3], -1.8880, 0.1606),
    ],
)
def test_hedges_g_matches_metafor_escalc_on_normand1999(
    row: tuple[str, int, float, float, int, float, float], yi: float, vi: float
) -> None:
    # Source: metafor tests/testthat/test_misc_escalc.r, "measure='SMD/SMDH/ROM'".
    _, n1, m1, sd1, n2, m2, sd2 = row
    es = hedges_g(m1, sd1, n1, m2, sd2, n2)
    assert agrees(es.yi, yi, 4)
    assert agrees(es.vi, vi, 4)


_NORMAND_MD = (
    (-20, 40.59), (-2, 2.05), (-55, 15.28), (-71, 150.22), (-4, 20.19),
    (1, 1.22), (11, 95.38), (-10, 8.03), (7, 20.69),
)  # fmt: skip


@pytest.mark.parametrize(("row", "expected"), list(zip(ref.NORMAND1999, _NORMAND_MD, strict=True)))
def test_pooled_variance_mean_difference_matches_normand_table_viii(
    row: tuple[str, int, float, float, int, float, float], expected: tuple[float, float]
) -> None:
    # Source: Normand 1999 Table VIII as checked in metafor's
    # tests/testthat/test_analysis_example_normand1999.r (vi printed to 2 dp).
    _, n1, m1, sd1, n2, m2, sd2 = row
    es = mean_difference(m1, sd1, n1, m2, sd2, n2, pooled_variance=True)
    assert es.yi == expected[0]
    assert agrees(es.vi, expected[1], 2)


def test_mean_difference_variance_does_not_pool_by_default() -> None:
    es = mean_difference(10, 2, 20, 8, 4, 40)
    assert es == EffectSize(yi=2, vi=4 / 20 + 16 / 40)


_SMCR_TREATED = (
    (0.5056, 0.0594),
    (1.0481, 0.0254),
    (1.8054, 0.2322),
    (1.4181, 0.1225),
    (0.0801, 0.0802),
)
_SMCR_CONTROL = (
    (-0.2365, 0.0544),
    (0.0958, 0.0173),
    (0.0, 0.0511),
    (0.2667, 0.0232),
    (-0.4250, 0.0864),
)
_SMCC_TREATED = (
    (0.5417, 0.0573),
    (1.0198, 0.0304),
    (2.6619, 0.5048),
    (1.9088, 0.2822),
    (0.0765, 0.0716),
)
_SMCC_CONTROL = (
    (-0.2213, 0.0512),
    (0.1219, 0.0240),
    (0.0, 0.1111),
    (0.5575, 0.1050),
    (-0.2126, 0.0730),
)


@pytest.mark.parametrize(
    ("row", "expected", "standardiser"),
    [
        *((r, e, "raw") for r, e in zip(ref.MORRIS_TREATED, _SMCR_TREATED, strict=True)),
        *((r, e, "raw") for r, e in zip(ref.MORRIS_CONTROL, _SMCR_CONTROL, strict=True)),
        *((r, e, "change") for r, e in zip(ref.MORRIS_TREATED, _SMCC_TREATED, strict=True)),
        *((r, e, "change") for r, e in zip(ref.MORRIS_CONTROL, _SMCC_CONTROL, strict=True)),
    ],
)
def test_standardised_mean_change_matches_metafor_smcr_and_smcc_on_morris2008(
    row: tuple[float, float, float, float, int, float],
    expected: tuple[float, float],
    standardiser: str,
) -> None:
    # Source: metafor tests/testthat/test_analysis_example_morris2008.r (4 dp).
    m_pre, m_post, sd_pre, sd_post, n, r = row
    es = standardised_mean_change(
        m_post,
        m_pre,
        n,
        r,
        sd_pre=sd_pre,
        sd_post=sd_post,
        standardiser=standardiser,  # type: ignore[arg-type]
    )
    assert agrees(es.yi, expected[0], 4)
    assert agrees(es.vi, expected[1], 4)


def test_hedges_correction_is_exact_gamma_form_not_the_approximation() -> None:
    # J(2) = Gamma(1) / (1 * Gamma(1/2)) = 1 / sqrt(pi) exactly.
    assert hedges_correction(2) == pytest.approx(1 / math.sqrt(math.pi), rel=1e-14)
    for df in (5, 10, 38, 200):
        assert hedges_correction(df) == pytest.approx(1 - 3 / (4 * df - 1), abs=2e-3)
        assert hedges_correction(df) != 1 - 3 / (4 * df - 1)


def test_hedges_correction_stays_finite_for_very_large_samples() -> None:
    assert hedges_correction(1e7) == pytest.approx(1.0, abs=1e-6)


def test_zero_cell_adds_one_half_to_every_cell_of_that_table_only() -> None:
    corrected = log_odds_ratio(0, 10, 5, 5)
    assert corrected.yi == pytest.approx(math.log(0.5 * 5.5 / (10.5 * 5.5)))
    assert corrected.vi == pytest.approx(1 / 0.5 + 1 / 10.5 + 1 / 5.5 + 1 / 5.5)
    uncorrected = log_risk_ratio(2, 8, 4, 6)
    assert uncorrected.yi == pytest.approx(math.log(0.2 / 0.4))


def test_trial_with_no_events_in_either_group_is_kept_with_the_correction() -> None:
    es = log_risk_ratio(0, 20, 0, 30)
    assert es.yi == pytest.approx(math.log((0.5 / 21) / (0.5 / 31)))


def test_reported_ratio_and_ci_convert_to_log_scale_with_normal_quantile() -> None:
    # dat.hackshaw1998 row 1 (OR 1.18, 0.90-1.54); metafor builds yi and vi this way.
    es = from_confidence_interval(1.18, 0.90, 1.54, ratio=True)
    assert es.yi == pytest.approx(math.log(1.18))
    assert es.se == pytest.approx((math.log(1.54) - math.log(0.90)) / (2 * 1.959964), rel=1e-6)


def test_reported_difference_and_ci_give_se_of_width_over_3_92() -> None:
    es = from_confidence_interval(2.0, 0.04, 3.96, ratio=False)
    assert es.yi == 2.0
    assert es.se == pytest.approx(3.92 / (2 * 1.959964), rel=1e-6)


def test_percent_change_is_relative_to_the_baseline() -> None:
    assert percent_change(40, 30) == pytest.approx(-25.0)
    assert percent_change(-10, -5) == pytest.approx(50.0)
    assert ratio_to_percent_change(math.log(0.49)) == pytest.approx(-51.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: hedges_g(1, 0, 10, 1, 1, 10), "sd1 must be greater than 0"),
        (lambda: hedges_g(1, 1, 1, 1, 1, 10), "n1 must be at least 2"),
        (lambda: mean_difference(float("nan"), 1, 10, 1, 1, 10), "m1 must be a finite"),
        (lambda: log_risk_ratio(-1, 10, 2, 10), "a must be a whole number"),
        (lambda: log_odds_ratio(1.5, 10, 2, 10), "a must be a whole number"),
        (lambda: log_odds_ratio(0, 0, 2, 10), "treated group has no participants"),
        (lambda: standardised_mean_change(2, 1, 10, 1.0, sd_pre=1), "between -1 and 1"),
        (
            lambda: standardised_mean_change(2, 1, 10, 0.5, sd_pre=1, standardiser="change"),
            "sd_post is needed",
        ),
        (lambda: from_confidence_interval(1.2, 1.5, 1.1, ratio=True), "must be below"),
        (lambda: from_confidence_interval(2.0, 1.1, 1.5, ratio=True), "must lie inside"),
        (lambda: from_confidence_interval(0.5, -0.1, 0.9, ratio=True), "greater than 0"),
        (lambda: percent_change(0, 3), "baseline must not be 0"),
        (lambda: hedges_g(1, 1, 1e300, 0, 1, 10), "n1 must be between -1e9 and 1e9"),
        (lambda: mean_difference(1e10, 1, 10, 0, 1, 10), "m1 must be between -1e9 and 1e9"),
        (lambda: log_odds_ratio(1e308, 1, 1, 1), "a must be between -1e9 and 1e9"),
        (lambda: hedges_g(1, 1e-200, 10, 0, 1e-200, 10), "too small to standardise by"),
        (lambda: mean_difference(1, 1e-9, 10, 0, 1e-9, 10), "sampling variance 2e-19 is out"),
        (lambda: ratio_to_percent_change(1000), "too large to express as a percent"),
    ],
)
def test_bad_effect_size_input_raises_a_clear_error(call: object, message: str) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        call()  # type: ignore[operator]
