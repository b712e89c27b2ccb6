"""run_meta_csv(): the CSV front-end behind ``msrelief meta FILE.csv``."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import pytest

from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta_csv import run_meta_csv
from msrelief.stats.tests import reference_data as ref


def _number(out: dict[str, object], key: str) -> float:
    value = out[key]
    assert isinstance(value, float)
    return value


def _csv(header: str, rows: Sequence[Sequence[object]]) -> str:
    return "\n".join(
        [header, *(",".join(f'"{c}"' if isinstance(c, str) else str(c) for c in r) for r in rows)]
    )


BCG_CSV = _csv("study,a,b,c,d", list(ref.BCG))
NORMAND_CSV = _csv(
    "study,m1,sd1,n1,m2,sd2,n2",
    [(name, m1, sd1, n1, m2, sd2, n2) for name, n1, m1, sd1, n2, m2, sd2 in ref.NORMAND1999],
)


def test_risk_ratio_csv_reproduces_the_published_bcg_reml_analysis() -> None:
    # Printed rma() output for dat.bcg RR, REML: -0.7145 [-1.0669, -0.3622], tau2 0.3132.
    out = run_meta_csv(BCG_CSV, "RR", "REML", hksj=False)
    assert out["k"] == 13 and out["measure"] == "RR" and out["scale"] == "log"
    assert round(_number(out, "estimate"), 4) == -0.7145
    assert round(_number(out, "ci_low"), 4) == -1.0669
    assert round(_number(out, "tau2"), 4) == 0.3132
    back = out["exp"]
    assert isinstance(back, dict)
    assert back["estimate"] == pytest.approx(math.exp(_number(out, "estimate")))
    assert back["pi_low"] is not None


def test_output_has_every_documented_key_and_is_strict_json() -> None:
    out = run_meta_csv(BCG_CSV, "OR", "DL", hksj=True)
    for key in (
        "estimate", "se", "ci_low", "ci_high", "tau2", "i2", "h2", "q", "q_p", "pi_low",
        "pi_high", "k", "measure", "method", "hksj", "studies", "exp",
    ):  # fmt: skip
        assert key in out
    assert out["method"] == "DL" and out["hksj"] is True and out["df"] == 12
    studies = out["studies"]
    assert isinstance(studies, list)
    first = studies[0]
    assert set(first) == {"study", "yi", "vi", "weight"}
    # escalc(measure="OR") for Aronson: -0.9387, 0.3571 (metafor-project vanhouwelingen2002).
    assert (first["study"], round(first["yi"], 4), round(first["vi"], 4)) == (
        "Aronson 1948",
        -0.9387,
        0.3571,
    )
    assert math.fsum(s["weight"] for s in studies) == pytest.approx(100.0)
    json.dumps(out, allow_nan=False)


def test_mean_difference_csv_uses_unpooled_variances_and_no_exp_block() -> None:
    out = run_meta_csv(NORMAND_CSV, "MD", "FE", hksj=False)
    assert out["scale"] == "identity" and "exp" not in out
    studies = out["studies"]
    assert isinstance(studies, list)
    assert studies[0]["yi"] == -20
    assert studies[0]["vi"] == pytest.approx(47**2 / 155 + 64**2 / 156)


def test_smd_csv_gives_hedges_g_per_study() -> None:
    out = run_meta_csv(NORMAND_CSV, "SMD", "REML", hksj=False)
    studies = out["studies"]
    assert isinstance(studies, list)
    assert round(studies[0]["yi"], 4) == -0.3552


def test_generic_csv_pools_given_effects_and_variances() -> None:
    rows = [(name, yi, vi) for name, yi, vi in ref.RAUDENBUSH1985]
    out = run_meta_csv(_csv("study,yi,vi", rows), "GEN", "DL", hksj=False)
    assert round(_number(out, "tau2"), 4) == 0.0259


def test_header_is_case_insensitive_extra_columns_and_blank_lines_are_ignored() -> None:
    text = "\ufeffStudy, A ,B,C,D,notes\n\nTrial 1,4,119,11,128,first\n\nTrial 2,6,300,29,274,\n"
    out = run_meta_csv(text, "RR", "FE", hksj=False)
    assert out["k"] == 2


def test_a_single_study_csv_returns_that_study_without_heterogeneity() -> None:
    out = run_meta_csv("study,yi,vi\nOnly,0.2,0.01\n", "GEN", "REML", hksj=False)
    assert out["k"] == 1 and out["tau2"] == 0.0 and out["i2"] is None and out["pi_low"] is None
    json.dumps(out, allow_nan=False)


@pytest.mark.parametrize(
    ("measure", "text", "message"),
    [
        ("MD", "study,m1,sd1,n1,m2,sd2\nA,1,1,10,2,1\n", r"row 1 \(header\): missing column 'n2'"),
        ("MD", "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,1,2,1,10\n",
         r"row 2 \(study 'A'\), column 'n1': must be a whole number above 1"),
        ("SMD", "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,10,2,1,10\nB,1,0,10,2,1,10\n",
         r"row 3 \(study 'B'\), column 'sd1': must be greater than 0"),
        ("SMD", "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,10,2,,10\n",
         r"row 2 \(study 'A'\), column 'sd2': the value is missing"),
        ("SMD", "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,10,abc,1,10\n",
         r"row 2 \(study 'A'\), column 'm2': 'abc' is not a number"),
        ("SMD", "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,10,nan,1,10\n", r"column 'm2': 'nan' is not"),
        ("MD", "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,10,2,1\n", r"column 'n2': the value is missing"),
        ("RR", "study,a,b,c,d\nA,4,119,-1,128\n",
         r"row 2 \(study 'A'\), column 'c': must be a whole number of 0 or more"),
        ("OR", "study,a,b,c,d\nA,0,0,3,10\n", r"column 'b': the treated group is empty"),
        ("GEN", "study,yi,vi\nA,0.1,0\n", r"row 2 \(study 'A'\), column 'vi'"),
        ("GEN", "study,yi,vi\n,0.1,0.2\n", r"row 2, column 'study': the study label is empty"),
        ("GEN", "study,yi,vi,yi\nA,1,1,1\n", r"column 'yi' appears more than once"),
        ("GEN", "", "the CSV file is empty"),
        ("GEN", "study,yi,vi\n", "header but no studies"),
        ("XYZ", "study,yi,vi\nA,1,1\n", "measure must be one of"),
    ],
)  # fmt: skip
def test_bad_rows_raise_an_error_naming_row_study_and_column(
    measure: str, text: str, message: str
) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        run_meta_csv(text, measure, "REML", hksj=False)  # type: ignore[arg-type]


def test_hksj_with_fixed_effect_is_refused_from_csv_too() -> None:
    with pytest.raises(MetaAnalysisError, match="random-effects"):
        run_meta_csv(BCG_CSV, "RR", "FE", hksj=True)


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_a_csv_with_any_line_ending_is_read_the_same(ending: str) -> None:
    text = ending.join(["study,yi,vi", "A,0.5,0.1", "B,0.1,0.2", "C,0.3,0.05"]) + ending
    out = run_meta_csv(text, "GEN", "REML", hksj=False)
    assert out["k"] == 3
    assert [s["study"] for s in out["studies"]] == ["A", "B", "C"]  # type: ignore[attr-defined]


def test_a_csv_the_reader_cannot_parse_is_refused_with_a_row_number() -> None:
    huge_field = '"' + "x" * 200_000 + '"'
    with pytest.raises(MetaAnalysisError, match=r"^row 2: the CSV cannot be read"):
        run_meta_csv(f"study,yi,vi\n{huge_field},1,1\n", "GEN", "REML", hksj=False)


@pytest.mark.parametrize(
    ("text", "measure", "message"),
    [
        ("study,yi,vi\nA,-1e308,1\nB,1,1\n", "GEN", r"row 2 \(study 'A'\), column 'yi': "),
        ("study,yi,vi\nA,30,1e300\nB,1,1\n", "GEN", r"row 2 \(study 'A'\), column 'vi': "),
        ("study,yi,vi\nA,1,1e-300\nB,1,1\n", "GEN", r"row 2 \(study 'A'\): the sampling var"),
        (
            "study,m1,sd1,n1,m2,sd2,n2\nA,1,1,1e300,0,1,10\n",
            "SMD",
            r"row 2 \(study 'A'\), column 'n1': the value must be between -1e9 and 1e9",
        ),
        (
            "study,m1,sd1,n1,m2,sd2,n2\nA,1,1e-200,10,0,1e-200,10\n",
            "SMD",
            r"row 2 \(study 'A'\): the standard deviations are too small",
        ),
        ("study,a,b,c,d\nA,1e12,1,1,1\n", "OR", r"row 2 \(study 'A'\), column 'a': "),
    ],
    ids=["yi-huge", "vi-huge", "vi-tiny", "n-huge", "sd-underflows", "count-huge"],
)
def test_extreme_values_are_refused_naming_the_row_and_column(
    text: str, measure: str, message: str
) -> None:
    with pytest.raises(MetaAnalysisError, match=message):
        run_meta_csv(text, measure, "REML", hksj=False)  # type: ignore[arg-type]


def test_variances_too_far_apart_to_pool_reliably_are_refused() -> None:
    with pytest.raises(MetaAnalysisError, match="more than 1e10 times the smallest"):
        run_meta_csv("study,yi,vi\nA,1,1e-11\nB,2,1\n", "GEN", "DL", hksj=False)


def test_more_studies_than_allowed_are_refused_before_any_row_is_parsed() -> None:
    # Row 4 is not a number: the count is checked first, so its error never comes up.
    text = "study,yi,vi\nA,1,1\nB,2,1\nC,oops,1\nD,4,1\n"
    with pytest.raises(MetaAnalysisError, match=r"^row 4: more than 2 studies; the limit is 2"):
        run_meta_csv(text, "GEN", "REML", hksj=False, max_studies=2)


def test_without_a_limit_the_command_line_pools_any_number_of_studies() -> None:
    rows = "\n".join(f"S{i},{i % 7 / 10},0.{i % 5 + 1}" for i in range(500))
    assert run_meta_csv("study,yi,vi\n" + rows, "GEN", "DL", hksj=False)["k"] == 500


def test_an_overlong_study_label_is_refused_with_its_length_and_the_limit() -> None:
    text = f"study,yi,vi\n{'x' * 201},1,1\n"
    with pytest.raises(MetaAnalysisError, match="201 characters long; the limit is 200"):
        run_meta_csv(text, "GEN", "REML", hksj=False)
