import csv
import io

import pytest

from msrelief.evidence import analysis
from msrelief.evidence.templatetags.evidence_ui import fixed, p_value, reported
from msrelief.stats import MetaAnalysisError

COUNTS = "study,a,b,c,d\nA,10,90,20,80\nB,5,45,9,41\n"


def test_ratio_effects_download_adds_the_ratio_scale():
    rows = list(
        csv.DictReader(io.StringIO(analysis.effects_csv(analysis.run(COUNTS, "RR", "DL", False))))
    )
    assert set(rows[0]) >= {"ratio", "ratio_ci_low", "ratio_ci_high"}
    assert float(rows[0]["ratio"]) == pytest.approx((10 / 100) / (20 / 100))


def test_reasons_are_given_for_every_missing_value():
    one = analysis.run("study,yi,vi\nA,0.5,0.04\n", "GEN", "REML", False)
    assert one.reasons == {
        "i2": "needs at least two studies",
        "h2": "needs at least two studies",
        "q_p": "needs at least two studies",
        "pi": "needs at least two studies",
    }


def test_identical_studies_with_hksj_explain_the_missing_test():
    same = analysis.run("study,yi,vi\nA,0.5,0.04\nB,0.5,0.04\n", "GEN", "DL", True)
    assert same.reasons["statistic"] == "the standard error is 0, so there is no test"


def test_a_bad_row_raises_naming_it():
    with pytest.raises(MetaAnalysisError, match="row 2"):
        analysis.run("study,yi,vi\nA,0.5,0\n", "GEN", "REML", False)


def test_row_objects_become_csv_with_the_measures_columns():
    text = analysis.rows_to_csv("GEN", [{"Study": "A", "YI": 0.5, "vi": 0.04, "x": 1}])
    assert text == "study,yi,vi\nA,0.5,0.04\n"


def test_filters_never_print_nan_and_say_not_reported():
    assert fixed(float("nan")) == "" and fixed(None) == "" and fixed(-0.0001, 2) == "0.00"
    assert p_value(0.00001) == "p < 0.0001" and p_value(0.04321) == "p = 0.0432"
    assert reported(None) == "not reported" and reported(0.5) == "0.5" and reported(0) == 0


def test_the_same_data_is_analysed_and_drawn_once(monkeypatch):
    first = analysis.run(COUNTS, "RR", "REML", False, title="Twice")
    calls = []
    monkeypatch.setattr(analysis, "_run", lambda *args: calls.append(args))
    again = analysis.run(COUNTS, "RR", "REML", False, title="Twice")
    assert calls == []
    assert again.output == first.output and again.svg == first.svg


def test_other_data_or_options_are_analysed_afresh():
    reml = analysis.run(COUNTS, "RR", "REML", False)
    assert analysis.run(COUNTS, "RR", "DL", False).output["method"] == "DL"
    assert analysis.run(COUNTS, "OR", "REML", False).output["measure"] == "OR"
    changed = COUNTS.replace("B,5,45", "B,6,44")
    assert analysis.run(changed, "RR", "REML", False).output["estimate"] != reml.output["estimate"]


def test_a_bad_row_is_reported_every_time_and_never_cached():
    for _ in range(2):
        with pytest.raises(MetaAnalysisError, match="row 3"):
            analysis.run("study,a,b,c,d\nA,10,90,20,80\nB,x,45,9,41\n", "RR", "REML", False)
