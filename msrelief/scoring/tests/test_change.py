"""Change judgements checked against numbers worked by hand.

SEdiff = SD x sqrt(2) x sqrt(1 - r), or sqrt(2) x SEM where a published SEM exists;
RCI = (follow-up - baseline) / SEdiff; reliable when |RCI| > 1.96 (Jacobson & Truax 1991).

Hand-worked values used below:

* FSS, SEM 0.7 (Learmonth 2013): SEdiff = 0.7 x 1.414214 = 0.989949.
  5.0 -> 3.5: RCI = -1.5 / 0.989949 = -1.515229 (not reliable); 6.0 -> 3.5: -2.525381 (reliable).
* MFIS total, SEM 7.3: SEdiff = 10.323759. 50 -> 30: RCI = -1.937279 (just short of 1.96);
  50 -> 29: -2.034143 (reliable).
* T25FW, SD 11.0 and r 0.98 (MSOAC): SEdiff = 11 x sqrt(2 x 0.02) = 11 x 0.2 = 2.2.
  10 -> 13 s: RCI = 1.363636, +30 % (MCID 20 %); 10 -> 15 s: RCI = 2.272727, +50 %.
* PHQ-9 with a caller's SD of 5 and the definition's r 0.89: SEdiff = 5 x sqrt(2) x sqrt(0.11)
  = 2.345208; 15 -> 9: RCI = -6 / 2.345208 = -2.558409.
* 6MWT, SD 112 (definition) with a caller's r 0.9: SEdiff = 112 x sqrt(0.2) = 50.087923;
  400 -> 392 m: RCI = -8 / 50.087923 = -0.159719.
* WHO-5 with a caller's SD 20 and r 0.75: SEdiff = 20 x sqrt(2) x 0.5 = 14.142136;
  40 -> 60: RCI = 1.414214; 40 -> 80: RCI = 2.828427.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from msrelief.scoring import ScoringError, judge_change, judge_results, score
from msrelief.scoring.change import JACOBSON_TRUAX, percent_change, se_difference
from msrelief.scoring.tests.examples import numbered


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    baseline: float
    follow_up: float
    rci: float | None
    classification: str | None
    basis: str | None
    meets_mcid: bool | None
    overrides: dict[str, float | str] = field(default_factory=dict)


CASES = [
    Case(
        "fss drop of 1.5 meets the mcid but is not reliable",
        "fss",
        5.0,
        3.5,
        -1.515229,
        "no reliable change",
        "rci+mcid",
        True,
    ),
    Case(
        "fss drop of 2.5 is a reliable improvement",
        "fss",
        6.0,
        3.5,
        -2.525381,
        "improved",
        "rci+mcid",
        True,
    ),
    Case(
        "fss rise of 2.5 is a reliable worsening",
        "fss",
        3.5,
        6.0,
        2.525381,
        "worse",
        "rci+mcid",
        True,
    ),
    Case(
        "mfis drop of 20 falls just short of reliable",
        "mfis21",
        50,
        30,
        -1.937279,
        "no reliable change",
        "rci+mcid",
        True,
    ),
    Case(
        "mfis drop of 21 is a reliable improvement",
        "mfis21",
        50,
        29,
        -2.034143,
        "improved",
        "rci+mcid",
        True,
    ),
    Case(
        "t25fw 30 percent slower is not reliable",
        "t25fw",
        10,
        13,
        1.363636,
        "no reliable change",
        "rci+mcid",
        True,
    ),
    Case(
        "t25fw 50 percent slower is reliably worse",
        "t25fw",
        10,
        15,
        2.272727,
        "worse",
        "rci+mcid",
        True,
    ),
    Case(
        "phq9 without an sd is judged on the mcid alone",
        "phq9",
        15,
        9,
        None,
        "improved",
        "mcid",
        True,
    ),
    Case(
        "phq9 drop of 3 is below the mcid",
        "phq9",
        15,
        12,
        None,
        "no reliable change",
        "mcid",
        False,
    ),
    Case(
        "phq9 with a clinic sd is judged on both",
        "phq9",
        15,
        9,
        -2.558409,
        "improved",
        "rci+mcid",
        True,
        {"sd": 5.0, "sd_source": "clinic baseline SD (example)"},
    ),
    Case(
        "phq9 no change is no reliable change",
        "phq9",
        10,
        10,
        None,
        "no reliable change",
        "mcid",
        False,
    ),
    Case(
        "6mwt gain of 10 m is below the improvement mic",
        "6mwt",
        400,
        410,
        None,
        "no reliable change",
        "mcid",
        False,
    ),
    Case(
        "6mwt loss of 8 m passes the deterioration mic",
        "6mwt",
        400,
        392,
        None,
        "worse",
        "mcid",
        True,
    ),
    Case(
        "6mwt loss of 8 m with an r is not reliable",
        "6mwt",
        400,
        392,
        -0.159719,
        "no reliable change",
        "rci+mcid",
        True,
        {"r": 0.9, "r_source": "example r"},
    ),
    Case(
        "nrs pain from zero has no percent change to judge",
        "nrs-pain",
        0,
        3,
        None,
        None,
        None,
        None,
    ),
    Case(
        "nrs pain fall of 37.5 percent meets the 30 percent mcid",
        "nrs-pain",
        8,
        5,
        None,
        "improved",
        "mcid",
        True,
    ),
    Case("isi worsening has no deterioration threshold", "isi", 10, 18, None, None, None, None),
    Case("isi fall of 7 meets the 6 point mcid", "isi", 20, 13, None, "improved", "mcid", True),
    Case(
        "who5 rise of 20 with a caller sd is not reliable",
        "who5",
        40,
        60,
        1.414214,
        "no reliable change",
        "rci",
        None,
        {"sd": 20.0, "sd_source": "example SD", "r": 0.75, "r_source": "example r"},
    ),
    Case(
        "who5 rise of 40 is a reliable improvement on a higher is better scale",
        "who5",
        40,
        80,
        2.828427,
        "improved",
        "rci",
        None,
        {"sd": 20.0, "sd_source": "example SD", "r": 0.75, "r_source": "example r"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_change_is_judged_as_worked_by_hand(case: Case) -> None:
    result = judge_change(case.code, case.baseline, case.follow_up, **case.overrides)  # type: ignore[arg-type]
    assert result.change == pytest.approx(case.follow_up - case.baseline)
    if case.rci is None:
        assert result.rci is None and result.reliable is None
    else:
        assert result.rci == pytest.approx(case.rci, abs=1e-6)
        assert JACOBSON_TRUAX in result.sources
    assert (result.classification, result.basis, result.meets_mcid) == (
        case.classification,
        case.basis,
        case.meets_mcid,
    )


def test_the_result_carries_the_sources_of_the_sem_and_the_mcid() -> None:
    result = judge_change("fss", 6.0, 3.5)
    assert result.se_diff == pytest.approx(0.989949, abs=1e-6)
    assert any("Learmonth" in source for source in result.sources)
    assert any("Rooney" in source for source in result.sources)
    assert (result.mcid, result.mcid_unit) == (0.45, "points")


def test_a_caller_sd_is_used_with_the_definition_r_and_both_sources_are_kept() -> None:
    result = judge_change("phq9", 15, 9, sd=5.0, sd_source="clinic baseline SD (example)")
    assert result.se_diff == pytest.approx(2.345208, abs=1e-6)
    assert "clinic baseline SD (example)" in result.sources
    assert any("ICC 0.89" in source for source in result.sources)


@pytest.mark.parametrize(
    ("baseline", "follow_up", "expected"),
    [(10, 13, 30.0), (8, 5, -37.5), (0, 3, None), (468, 487.7, 4.209401709401709)],
)
def test_percent_change_is_relative_to_the_baseline_and_none_from_zero(
    baseline: float, follow_up: float, expected: float | None
) -> None:
    assert percent_change(baseline, follow_up) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("sd", "r", "message"),
    [(0, 0.8, "SD for the reliable change index must be positive"), (5, 1.0, "between 0 and 1")],
)
def test_impossible_rci_inputs_raise_a_scoring_error(sd: float, r: float, message: str) -> None:
    with pytest.raises(ScoringError, match=message):
        se_difference(sd, r)


def test_a_caller_sd_without_its_source_is_refused() -> None:
    with pytest.raises(ScoringError, match="needs its source"):
        judge_change("phq9", 15, 9, sd=5.0)


def test_two_score_results_are_compared_on_a_named_subscale() -> None:
    """MFIS physical: all 3 -> 27, all 1 -> 9; SEM 3.6 -> SEdiff 5.091169; RCI -3.535534."""
    before, after = score("mfis21", numbered([3] * 21)), score("mfis21", numbered([1] * 21))
    result = judge_results("mfis21", before, after, "physical")
    assert (result.baseline, result.follow_up) == (27, 9)
    assert result.rci == pytest.approx(-3.535534, abs=1e-6)
    assert (result.classification, result.basis) == ("improved", "rci")


def test_results_from_another_instrument_are_refused() -> None:
    with pytest.raises(ScoringError, match="is not mfis21"):
        judge_results("mfis21", score("phq9", numbered([1] * 9)), score("phq9", numbered([0] * 9)))


# MSIS-29 version 1 physical score, MCID by EDSS band (Costelloe L et al. J Neurol Neurosurg
# Psychiatry 2007;78:841-4 [S20]): a change of 7 points for EDSS 0-5 (sensitivity 78 %,
# specificity 51 %) and of 8 points for EDSS 5.5-8 (sensitivity 87 %, specificity 67 %); none
# above 8. The definition gives no SD or SEM, so the MCID alone decides (basis "mcid").
@dataclass(frozen=True)
class BandCase:
    name: str
    edss: float | None
    baseline: float
    follow_up: float
    mcid: float | None
    classification: str | None
    note: str


BAND_CASES = [
    BandCase("edss 3 uses 7 points", 3.0, 50, 42.5, 7, "improved", "MCID 7 points, for EDSS 0-5"),
    BandCase("edss 0 is in the lower band", 0.0, 50, 43, 7, "improved", "for EDSS 0-5"),
    BandCase("edss 5 is the top of the lower band", 5.0, 50, 43.75, 7, "no reliable change", "0-5"),
    BandCase("edss 5.5 needs 8 points", 5.5, 50, 42.5, 8, "no reliable change", "for EDSS 5.5-8"),
    BandCase("edss 6.5 worsening of 8 points", 6.5, 40, 48, 8, "worse", "MCID 8 points"),
    BandCase("edss 8 is the top of the upper band", 8.0, 50, 41.25, 8, "improved", "5.5-8"),
    BandCase("edss 8.5 has no mcid", 8.5, 50, 30, None, None, "no MCID for EDSS above 8"),
    BandCase("edss 10 has no mcid", 10.0, 50, 30, None, None, "no MCID for EDSS above 8"),
    BandCase("unknown edss has no mcid", None, 50, 30, None, None, "needs the client's EDSS"),
]


@pytest.mark.parametrize("case", BAND_CASES, ids=[case.name for case in BAND_CASES])
def test_the_msis29_physical_mcid_follows_the_clients_edss_band(case: BandCase) -> None:
    result = judge_change("msis29@1.0", case.baseline, case.follow_up, "physical", edss=case.edss)
    assert result.mcid == case.mcid
    assert result.classification == case.classification
    assert result.mcid_note is not None and case.note in result.mcid_note
    assert "Costelloe 2007" in result.mcid_note
    assert result.edss == case.edss
    if case.mcid is None:
        assert (result.meets_mcid, result.basis, result.mcid_band) == (None, None, None)
        assert result.mcid_note.startswith("No MCID applied:")
        assert result.sources == ()
    else:
        assert result.basis == "mcid"
        assert result.mcid_band in ("EDSS 0-5", "EDSS 5.5-8")


def test_the_screen_text_names_the_threshold_the_band_and_the_paper() -> None:
    result = judge_change("msis29@1.0", 50, 42.5, "physical", edss=3.5)
    assert result.mcid_note == "MCID 7 points, for EDSS 0-5 (Costelloe 2007)"
    assert result.mcid_band == "EDSS 0-5"
    (source,) = result.sources
    assert source.startswith("Costelloe L et al. 2007 [S20]")
    assert "7 points for EDSS 0-5 (sensitivity 78 %, specificity 51 %)" in source


def test_without_an_edss_the_note_says_what_the_bands_would_have_been() -> None:
    note = judge_change("msis29@1.0", 50, 30, "physical").mcid_note
    assert note == (
        "No MCID applied: needs the client's EDSS "
        "(Costelloe 2007: 7 points for EDSS 0-5, 8 points for EDSS 5.5-8)"
    )


def test_no_change_in_a_band_reports_the_band_and_does_not_meet_the_mcid() -> None:
    result = judge_change("msis29@1.0", 50, 50, "physical", edss=6.0)
    assert (result.meets_mcid, result.classification) == (False, "no reliable change")
    assert result.mcid_note == "MCID 8 points, for EDSS 5.5-8 (Costelloe 2007)"


def test_version_2_of_the_msis29_has_no_mcid_whatever_the_edss() -> None:
    result = judge_change("msis29@2.0", 50, 30, "physical", edss=3.0)
    assert (result.mcid, result.meets_mcid, result.mcid_note) == (None, None, None)


@pytest.mark.parametrize("code", ["fss", "phq9", "t25fw", "6mwt"])
def test_an_edss_changes_nothing_for_an_instrument_whose_mcid_has_no_bands(code: str) -> None:
    without, with_edss = judge_change(code, 10, 4), judge_change(code, 10, 4, edss=7.0)
    assert (with_edss.mcid, with_edss.meets_mcid, with_edss.classification) == (
        without.mcid,
        without.meets_mcid,
        without.classification,
    )
    assert (with_edss.mcid_band, with_edss.mcid_note) == (None, None)


@pytest.mark.parametrize("edss", [5.2, -0.5, 10.5, float("nan")])
def test_an_edss_that_is_not_a_half_step_from_0_to_10_is_refused(edss: float) -> None:
    with pytest.raises(ScoringError, match=r"EDSS must be 0 to 10 in steps of 0\.5"):
        judge_change("msis29@1.0", 50, 40, "physical", edss=edss)


def test_two_msis29_results_are_judged_with_the_edss_passed_through() -> None:
    """All 3s: physical sum 60 -> 50.0; items 1-6 at 2, the rest 3: sum 54 -> 42.5 (-7.5)."""
    before = score("msis29@1.0", numbered([3] * 29))
    after = score("msis29@1.0", numbered([2] * 6 + [3] * 23))
    result = judge_results("msis29@1.0", before, after, "physical", edss=6.0)
    assert (result.baseline, result.follow_up) == (50, 42.5)
    assert (result.mcid, result.classification) == (8, "no reliable change")
