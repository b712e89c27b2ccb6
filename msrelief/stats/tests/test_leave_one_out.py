"""leave_one_out() against metafor leave1out() and on edge cases."""

from __future__ import annotations

import json

import pytest

from msrelief.stats.effect_sizes import log_risk_ratio
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import leave_one_out, meta_analysis
from msrelief.stats.tests import reference_data as ref

# metafor tests/testthat/test_misc_influence.r, "leave1out() works for rma()": first row of
# leave1out(rma(yi, vi, data=dat)) for dat.bcg RR (REML), printed to full precision:
# estimate = -0.707083788031436, se = 0.189961024702717, ci.lb = -1.07940055491509,
# ci.ub = -0.334767021147788, Q = 151.582572747109, tau2 = 0.336156745300306,
# I2 = 93.2259349111223, H2 = 14.762184698253. metafor stops REML when tau2 changes by
# less than 1e-5, so 5 decimals are compared (I2 and H2 move most with tau2).
_METAFOR_ROW_1 = {
    "estimate": -0.707083788031436,
    "se": 0.189961024702717,
    "ci_low": -1.07940055491509,
    "ci_high": -0.334767021147788,
    "q": 151.582572747109,
    "tau2": 0.336156745300306,
    "i2": 93.2259349111223,
    "h2": 14.762184698253,
}


def _bcg() -> tuple[list[float], list[float], list[str]]:
    effects = [log_risk_ratio(*trial[1:]) for trial in ref.BCG]
    return [e.yi for e in effects], [e.vi for e in effects], [t[0] for t in ref.BCG]


@pytest.mark.parametrize(("name", "expected"), sorted(_METAFOR_ROW_1.items()))
def test_leaving_out_aronson_matches_metafor_leave1out(name: str, expected: float) -> None:
    yi, vi, labels = _bcg()
    first = leave_one_out(yi, vi, method="REML", labels=labels)[0]
    assert first.omitted == "Aronson 1948"
    assert abs(getattr(first.result, name) - expected) <= 0.5e-5


def test_each_refit_equals_a_meta_analysis_without_that_study() -> None:
    yi, vi, labels = _bcg()
    rows = leave_one_out(yi, vi, method="DL", hksj=True, labels=labels)
    assert [row.omitted for row in rows] == labels
    for i, row in enumerate(rows):
        direct = meta_analysis(yi[:i] + yi[i + 1 :], vi[:i] + vi[i + 1 :], method="DL", hksj=True)
        assert row.result.k == 12
        assert row.result.estimate == pytest.approx(direct.estimate, rel=1e-12)
        assert row.result.ci_high == pytest.approx(direct.ci_high, rel=1e-12)


def test_two_studies_leave_single_study_results() -> None:
    rows = leave_one_out([0.1, 0.4], [0.01, 0.02], method="REML", labels=["A", "B"])
    assert [(row.omitted, row.result.estimate) for row in rows] == [("A", 0.4), ("B", 0.1)]
    json.dumps([row.to_dict() for row in rows], allow_nan=False)


@pytest.mark.parametrize(("k", "hksj"), [(1, False), (2, True)])
def test_leave_one_out_needs_enough_studies_for_every_refit(k: int, hksj: bool) -> None:
    with pytest.raises(MetaAnalysisError, match="leave-one-out needs at least"):
        leave_one_out([0.1] * k, [0.01] * k, method="DL", hksj=hksj)
