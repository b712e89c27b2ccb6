"""meta_analysis() against published R metafor output.

Each case names its source and quotes the printed numbers. ``decimals`` is the number of
decimals printed in the source; a value passes when it rounds to the printed value
(``|ours - printed| <= 0.5 * 10**-decimals``).

Abbreviations of sources (all on GitHub, wviechtb/metafor, tests/testthat/):
* METAN   = test_misc_metan_vs_rma.uni_with_dat.bcg.r (rma() vs Stata metan on dat.bcg)
* RB2009  = test_analysis_example_raudenbush2009.r (Raudenbush 2009, Table 16.2/16.3)
* DK2007  = test_analysis_example_dersimonian2007.r (DerSimonian & Kacker 2007, Tables 3-4)
* N1999   = test_analysis_example_normand1999.r (Normand 1999, Table IX)
* INFL    = test_misc_influence.r (full-precision rma() object for dat.bcg, RR, REML)
* RMAUNI  = test_misc_rma_uni.r
SM = statsmodels/stats/tests/results/results_meta.py (R metafor output, full precision).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from msrelief.stats.effect_sizes import (
    EffectSize,
    hedges_g,
    log_odds_ratio,
    log_risk_ratio,
    mean_difference,
    standardised_mean_change,
)
from msrelief.stats.meta import MetaResult, Method, meta_analysis
from msrelief.stats.tests import reference_data as ref

Data = Callable[[], list[EffectSize]]


def bcg(measure: Callable[..., EffectSize]) -> Data:
    return lambda: [measure(*trial[1:]) for trial in ref.BCG]


def raudenbush() -> list[EffectSize]:
    return [EffectSize(yi, vi) for _, yi, vi in ref.RAUDENBUSH1985]


def kacker() -> list[EffectSize]:
    return [EffectSize(y, v) for y, v in zip(ref.KACKER_YI, ref.KACKER_VI, strict=True)]


def clasp() -> list[EffectSize]:
    return [log_odds_ratio(a, n1 - a, c, n2 - c) for n1, n2, a, c in ref.CLASP]


def normand_md() -> list[EffectSize]:
    return [
        mean_difference(m1, s1, n1, m2, s2, n2, pooled_variance=True)
        for _, n1, m1, s1, n2, m2, s2 in ref.NORMAND1999
    ]


def normand_smd_first4() -> list[EffectSize]:
    return [hedges_g(m1, s1, n1, m2, s2, n2) for _, n1, m1, s1, n2, m2, s2 in ref.NORMAND1999[:4]]


def morris_smcr_treated() -> list[EffectSize]:
    return [
        standardised_mean_change(post, pre, n, r, sd_pre=sd_pre)
        for pre, post, sd_pre, _, n, r in ref.MORRIS_TREATED
    ]


@dataclass(frozen=True)
class Case:
    name: str
    data: Data
    method: Method
    source: str
    expected: dict[str, tuple[float, int]] = field(default_factory=dict)
    hksj: bool = False


def value(result: MetaResult, name: str) -> float | None:
    if name == "tau":
        return math.sqrt(result.tau2)
    if name.startswith("exp_"):
        raw = getattr(result, name[4:])
        return None if raw is None else math.exp(raw)
    if name == "weight_1":
        return result.weights[0]
    number: float | None = getattr(result, name)
    return number


CASES = [
    # METAN: "res <- rma(yi, vi, data=dat, method="FE")": beta -0.4303, ci.lb -0.5097,
    # ci.ub -0.3509, zval -10.6247, QE 152.2330; predict(transf=exp) 0.6503 [0.6007, 0.7040].
    Case("bcg-RR-FE", bcg(log_risk_ratio), "FE", "METAN", {
        "estimate": (-0.4303, 4), "ci_low": (-0.5097, 4), "ci_high": (-0.3509, 4),
        "statistic": (-10.6247, 4), "q": (152.2330, 4), "exp_estimate": (0.6503, 4),
        "exp_ci_low": (0.6007, 4), "exp_ci_high": (0.7040, 4)}),
    # METAN: method="DL": -0.7141 [-1.0644, -0.3638], zval -3.9952, tau2 0.3088,
    # I2 92.1173; exp: 0.4896 [0.3449, 0.6950].
    Case("bcg-RR-DL", bcg(log_risk_ratio), "DL", "METAN", {
        "estimate": (-0.7141, 4), "ci_low": (-1.0644, 4), "ci_high": (-0.3638, 4),
        "statistic": (-3.9952, 4), "tau2": (0.3088, 4), "i2": (92.1173, 4),
        "exp_estimate": (0.4896, 4), "exp_ci_low": (0.3449, 4), "exp_ci_high": (0.6950, 4)}),
    # METAN, measure="OR", FE: -0.4361 [-0.5190, -0.3533], zval -10.3190, QE 163.1649;
    # exp: 0.6465 [0.5951, 0.7024].
    Case("bcg-OR-FE", bcg(log_odds_ratio), "FE", "METAN", {
        "estimate": (-0.4361, 4), "ci_low": (-0.5190, 4), "ci_high": (-0.3533, 4),
        "statistic": (-10.3190, 4), "q": (163.1649, 4), "exp_estimate": (0.6465, 4),
        "exp_ci_low": (0.5951, 4), "exp_ci_high": (0.7024, 4)}),
    # METAN, measure="OR", DL: -0.7474 [-1.1242, -0.3706], zval -3.8873, tau2 0.3663,
    # I2 92.6455; exp: 0.4736 [0.3249, 0.6903].
    Case("bcg-OR-DL", bcg(log_odds_ratio), "DL", "METAN", {
        "estimate": (-0.7474, 4), "ci_low": (-1.1242, 4), "ci_high": (-0.3706, 4),
        "statistic": (-3.8873, 4), "tau2": (0.3663, 4), "i2": (92.6455, 4),
        "exp_estimate": (0.4736, 4), "exp_ci_low": (0.3249, 4), "exp_ci_high": (0.6903, 4)}),
    # Printed metafor output "Random-Effects Model (k = 13; tau^2 estimator: REML)" for
    # dat.bcg log RR, shown at https://cttir.github.io/courses/course3_design_causal/
    # labs/lab_week4_session2_slides.html: "tau^2 ... 0.3132 (SE = 0.1664)", "I^2 ...
    # 92.22%", "H^2 ... 12.86", "Q(df = 12) = 152.2330", "estimate -0.7145 se 0.1798 zval
    # -3.9744 ... ci.lb -1.0669 ci.ub -0.3622".
    Case("bcg-RR-REML", bcg(log_risk_ratio), "REML", "metafor printout (cttir page)", {
        "estimate": (-0.7145, 4), "se": (0.1798, 4), "statistic": (-3.9744, 4),
        "ci_low": (-1.0669, 4), "ci_high": (-0.3622, 4), "tau2": (0.3132, 4),
        "i2": (92.22, 2), "h2": (12.86, 2), "q": (152.2330, 4)}),
    # INFL: "tau2 = 0.313243325980895, QE = 152.233008082373", weight of trial 1
    # "weight = 5.05948307931551". metafor stops REML at a change < 1e-5, so tau2 is
    # compared to 6 decimals (ours is the exact root of the REML score).
    Case("bcg-RR-REML-full-precision", bcg(log_risk_ratio), "REML", "INFL", {
        "tau2": (0.313243325980895, 6), "q": (152.233008082373, 9),
        "weight_1": (5.05948307931551, 6)}),
    # RB2009 Table 16.3 (conventional): FE tau2 0, mu 0.0604, se 0.0365, z 1.6553,
    # ci -0.0111 0.1318; QE 35.8295.
    Case("raudenbush-FE", raudenbush, "FE", "RB2009", {
        "tau2": (0.0, 4), "estimate": (0.0604, 4), "se": (0.0365, 4),
        "statistic": (1.6553, 4), "ci_low": (-0.0111, 4), "ci_high": (0.1318, 4),
        "q": (35.8295, 4)}),
    # RB2009: REML 0.0188 0.0837 0.0516 1.6208 -0.0175 0.1849; predict(): pi.lb -0.2036,
    # pi.ub 0.3711. Ours: -0.20359, 0.37099. The two printed limits are not both reproduced
    # at 4 dp by any single tau2 near 0.0188 (metafor checks them only to 1 %), so the PI
    # is compared to 3 decimals.
    Case("raudenbush-REML", raudenbush, "REML", "RB2009", {
        "tau2": (0.0188, 4), "estimate": (0.0837, 4), "se": (0.0516, 4),
        "statistic": (1.6208, 4), "ci_low": (-0.0175, 4), "ci_high": (0.1849, 4),
        "pi_low": (-0.2036, 3), "pi_high": (0.3711, 3)}),
    # RB2009: DL 0.0259 0.0893 0.0558 1.6009 -0.0200 0.1987.
    Case("raudenbush-DL", raudenbush, "DL", "RB2009", {
        "tau2": (0.0259, 4), "estimate": (0.0893, 4), "se": (0.0558, 4),
        "statistic": (1.6009, 4), "ci_low": (-0.0200, 4), "ci_high": (0.1987, 4)}),
    # RB2009 Table 16.3 (Knapp & Hartung): REML 0.0188 0.0837 0.0616 1.3593 -0.0457 0.2131.
    # Our t is 1.35924: the 4th decimal depends on metafor's REML stopping rule, so t is
    # compared to 3 decimals.
    Case("raudenbush-REML-knha", raudenbush, "REML", "RB2009", {
        "tau2": (0.0188, 4), "estimate": (0.0837, 4), "se": (0.0616, 4),
        "statistic": (1.359, 3), "ci_low": (-0.0457, 4), "ci_high": (0.2131, 4)}, hksj=True),
    # RB2009 (Knapp & Hartung): DL 0.0259 0.0893 0.0636 1.4050 -0.0442 0.2229.
    Case("raudenbush-DL-knha", raudenbush, "DL", "RB2009", {
        "tau2": (0.0259, 4), "estimate": (0.0893, 4), "se": (0.0636, 4),
        "statistic": (1.4050, 4), "ci_low": (-0.0442, 4), "ci_high": (0.2229, 4)}, hksj=True),
    # SM exk1_metafor (rma method="PM"): b 62.4076199113286, se 0.338030602684471,
    # ci 61.7450921043947 63.0701477182625, tau2 0.705395309224248, QE 24.801897741835,
    # QEp 0.00167935146372742, I2 83.7218626490482, H2 6.14320900751909.
    Case("kacker-PM", kacker, "PM", "SM", {
        "estimate": (62.4076199113286, 8), "se": (0.338030602684471, 8),
        "ci_low": (61.7450921043947, 8), "ci_high": (63.0701477182625, 8),
        "tau2": (0.705395309224248, 8), "q": (24.801897741835, 8),
        "q_p": (0.00167935146372742, 10), "i2": (83.7218626490482, 6),
        "h2": (6.14320900751909, 8)}),
    # SM exk1_dl: b 62.3901386044504, se 0.245749668040304, ci 61.9084781058787
    # 62.8717991030221, tau2 0.288049246973751, I2 67.744403741711, H2 3.10023721772938.
    Case("kacker-DL", kacker, "DL", "SM", {
        "estimate": (62.3901386044504, 8), "se": (0.245749668040304, 8),
        "ci_low": (61.9084781058787, 8), "ci_high": (62.8717991030221, 8),
        "tau2": (0.288049246973751, 8), "i2": (67.744403741711, 6),
        "h2": (3.10023721772938, 8)}),
    # SM exk1_dl_hksj (test="knha"): se 0.29477605699879, zval (t) 211.652666908108,
    # ci 61.710383798052 63.0698934108488.
    Case("kacker-DL-knha", kacker, "DL", "SM", {
        "estimate": (62.3901386044504, 8), "se": (0.29477605699879, 8),
        "statistic": (211.652666908108, 6), "ci_low": (61.710383798052, 8),
        "ci_high": (63.0698934108488, 8)}, hksj=True),
    # SM exk1_fe: b 62.5833970939982, se 0.107845705498231, ci 62.3720233953344
    # 62.7947707926621, I2 67.744403741711, H2 3.10023721772938.
    Case("kacker-FE", kacker, "FE", "SM", {
        "estimate": (62.5833970939982, 8), "se": (0.107845705498231, 8),
        "ci_low": (62.3720233953344, 8), "ci_high": (62.7947707926621, 8),
        "i2": (67.744403741711, 6), "h2": (3.10023721772938, 8)}),
    # DK2007 Tables 3 and 4 (tau, mu, se, rounded to 4 dp): PM 0.3681 -0.3811 0.2060;
    # DL 0.2323 -0.3240 0.1540; REML 0.1843 -0.2980 0.1343.
    Case("clasp-PM", clasp, "PM", "DK2007", {
        "tau": (0.3681, 4), "estimate": (-0.3811, 4), "se": (0.2060, 4)}),
    Case("clasp-DL", clasp, "DL", "DK2007", {
        "tau": (0.2323, 4), "estimate": (-0.3240, 4), "se": (0.1540, 4)}),
    Case("clasp-REML", clasp, "REML", "DK2007", {
        "tau": (0.1843, 4), "estimate": (-0.2980, 4), "se": (0.1343, 4)}),
    # N1999 (page 352, Table IX, 2 dp): FE -3.49 [-5.03, -1.96]; DL -14.10 [-24.45, -3.75]
    # tau2 218.72; REML -15.12 [-32.67, 2.43] tau2 685.20.
    Case("normand-MD-FE", normand_md, "FE", "N1999", {
        "estimate": (-3.49, 2), "ci_low": (-5.03, 2), "ci_high": (-1.96, 2)}),
    Case("normand-MD-DL", normand_md, "DL", "N1999", {
        "estimate": (-14.10, 2), "ci_low": (-24.45, 2), "ci_high": (-3.75, 2),
        "tau2": (218.72, 2)}),
    Case("normand-MD-REML", normand_md, "REML", "N1999", {
        "estimate": (-15.12, 2), "ci_low": (-32.67, 2), "ci_high": (2.43, 2),
        "tau2": (685.20, 2)}),
    # RMAUNI "measure='SMD'": rma on escalc(SMD, dat.normand1999, subset=1:4): tau2 1.0090.
    Case("normand-SMD-REML", normand_smd_first4, "REML", "RMAUNI", {"tau2": (1.0090, 4)}),
    # RMAUNI "measure='SMCR'": rma on the Morris 2008 treated-group SMCR values: tau2 0.3164.
    Case("morris-SMCR-REML", morris_smcr_treated, "REML", "RMAUNI", {"tau2": (0.3164, 4)}),
]  # fmt: skip


def _params() -> list[object]:
    return [
        pytest.param(case, name, expected, id=f"{case.name}-{name}")
        for case in CASES
        for name, expected in case.expected.items()
    ]


@pytest.mark.parametrize(("case", "name", "expected"), _params())
def test_meta_analysis_matches_published_metafor_output(
    case: Case, name: str, expected: tuple[float, int]
) -> None:
    effects = case.data()
    result = meta_analysis(
        [e.yi for e in effects], [e.vi for e in effects], method=case.method, hksj=case.hksj
    )
    printed, decimals = expected
    ours = value(result, name)
    assert ours is not None
    assert abs(ours - printed) <= 0.5 * 10.0**-decimals + 1e-12, (case.source, ours, printed)


def test_hksj_p_value_matches_metafor_to_six_significant_digits() -> None:
    # SM exk1_dl_hksj: "pval = 2.77938607433693e-16" (t with 8 df).
    effects = kacker()
    result = meta_analysis([e.yi for e in effects], [e.vi for e in effects], method="DL", hksj=True)
    assert result.df == 8
    assert result.p_value == pytest.approx(2.77938607433693e-16, rel=1e-6)


def test_paule_mandel_equals_metafor_iterated_dersimonian_laird_on_bcg() -> None:
    # RMAUNI "method='DLIT' and method='SJIT'": tau2 0.3181 for dat.bcg RR. Iterating DL
    # to convergence solves the Paule-Mandel estimating equation (DerSimonian & Kacker
    # 2007), so PM must give the same tau2; a cross-check, not a direct PM printout.
    effects = bcg(log_risk_ratio)()
    result = meta_analysis([e.yi for e in effects], [e.vi for e in effects], method="PM")
    assert abs(result.tau2 - 0.3181) <= 0.5e-4
