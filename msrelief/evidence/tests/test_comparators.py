"""The comparator query: the trial results on one instrument score, each with its labelled
figure, from the seed and from synthetic rows."""

from __future__ import annotations

import math

import pytest
from django.core.exceptions import ValidationError

from msrelief.evidence import services
from msrelief.evidence.comparators import (
    DIFFERENCE_OF_MEANS,
    G_INTERVAL,
    MEAN_CHANGE_T,
    NO_CHANGE_CI,
    NO_G_CI,
    comparators,
)
from msrelief.evidence.tests.conftest import make_arms, make_reference, make_study


def trial(actor, key="smith2020", n=None, **study_fields):
    study = make_study(actor, make_reference(actor, key=key), key=key, **study_fields)
    return (study, *make_arms(actor, study, n=n))


def result(actor, study, key, **fields):
    defaults = {"construct": "fatigue", "instrument": "FSS", "instrument_code": "fss",
                "score_name": "total", "verification_status": "abstract_only"}  # fmt: skip
    return services.create_result(actor, study, key=key, **{**defaults, **fields})


def test_with_the_seed_naderi_2024_is_a_comparator_for_the_fss_at_six_weeks(seeded):
    found = {c.result_key: c for c in comparators("fss", "total", 6)}
    naderi = found["naderi2024-fatigue"]
    assert naderi.citation == "Naderi et al. 2024" and naderi.reference_key == "naderi2024"
    assert naderi.arm_label == "Whole-body Swedish massage vs Usual treatment"
    assert naderi.versus_label == "Usual treatment" and naderi.versus_n is None
    assert naderi.time_point_weeks == 6 and naderi.time_point == "after 6 weeks"
    # The abstract was cut off before any fatigue figure: nothing is made up.
    assert naderi.figure is None and naderi.reported == ""
    assert naderi.finding == "The massage group reported less fatigue than the usual-care group."


def test_with_the_seed_the_fss_at_six_weeks_has_naderi_2024_and_the_shiraz_trial(seeded):
    found = {c.study_key for c in comparators("fss", "total", 6)}
    assert found == {"naderi2024", "rsr_shiraz_6wk_massage"}


def test_with_the_seed_every_fss_trial_result_is_returned_and_no_review(seeded):
    found = [c.study_key for c in comparators("fss")]
    assert "naderi2024" in found and "atashi2014" in found and "rsr_shiraz_6wk_massage" in found
    assert "ma2023" not in found  # a review's pooled estimate is not a trial arm


def test_with_the_seed_a_time_point_leaves_out_results_at_other_weeks(seeded):
    assert [c.study_key for c in comparators("fss", "total", 2)] == []
    assert {c.study_key for c in comparators("mfis21", "total", 2)} == {"gaballah2023"}


def test_with_the_seed_backus_gives_its_cohens_d_of_the_change_as_printed_without_a_ci(seeded):
    (backus,) = [c for c in comparators("mfis21", "total") if c.study_key == "backus2016"]
    assert backus.figure is not None
    assert backus.figure.kind == "standardised" and backus.figure.value == -0.76
    assert backus.figure.label == "Cohen's d of the change within the group"
    assert backus.figure.ci_low is None and backus.figure.ci_source is None
    assert backus.figure.method.startswith("No CI")


def test_a_result_whose_attribution_is_not_confirmed_is_never_returned(clinic_admin):
    study, treated, _ = trial(clinic_admin)
    result(clinic_admin, study, "kept", scope="within_arm", arm=treated, time_point_weeks=6,
           mean=-1.0, sd=1.2, n=20)  # fmt: skip
    result(clinic_admin, study, "doubtful", scope="within_arm", arm=treated, time_point_weeks=6,
           mean=-3.0, sd=1.2, n=20, attribution_confirmed=False)  # fmt: skip
    assert [c.result_key for c in comparators("fss")] == ["kept"]


def test_a_mean_change_with_its_sd_and_n_gets_a_t_interval_computed_and_labelled(clinic_admin):
    study, treated, _ = trial(clinic_admin)
    result(clinic_admin, study, "change", scope="within_arm", arm=treated, time_point_weeks=6,
           mean=-1.5, sd=2.0, n=10)  # fmt: skip
    (found,) = comparators("fss", "total", 6)
    figure = found.figure
    assert figure is not None and figure.kind == "mean_change" and figure.value == -1.5
    half = 2.262157 * 2.0 / math.sqrt(10)  # t(9) for 95 %, as in any t table
    assert figure.ci_low == pytest.approx(-1.5 - half, abs=1e-5)
    assert figure.ci_high == pytest.approx(-1.5 + half, abs=1e-5)
    assert figure.ci_source == "computed" and figure.method == MEAN_CHANGE_T
    assert found.n == 10 and found.arm_label == "Massage"


def test_a_mean_change_with_a_reported_ci_keeps_that_ci(clinic_admin):
    study, treated, _ = trial(clinic_admin)
    result(clinic_admin, study, "change", scope="within_arm", arm=treated, mean=-1.5, sd=2.0,
           n=10, ci_low=-2.9, ci_high=-0.1)  # fmt: skip
    figure = comparators("fss")[0].figure
    assert figure is not None and (figure.ci_low, figure.ci_high) == (-2.9, -0.1)
    assert figure.ci_source == "reported" and figure.method == ""


def test_a_mean_change_without_its_sd_has_no_ci_and_says_why(clinic_admin):
    study, treated, _ = trial(clinic_admin)
    result(clinic_admin, study, "change", scope="within_arm", arm=treated, mean=-1.5, n=10)
    figure = comparators("fss")[0].figure
    assert figure is not None and figure.ci_low is None and figure.ci_high is None
    assert figure.ci_source is None and figure.method == NO_CHANGE_CI


def test_a_hedges_g_between_groups_of_known_size_gets_a_computed_ci(clinic_admin):
    study, treated, control = trial(clinic_admin, n=20)
    result(clinic_admin, study, "g", scope="between_arms", arm=treated, versus_arm=control,
           effect_type="hedges_g", effect_value=0.5, time_point_weeks=6)  # fmt: skip
    (found,) = comparators("fss", "total", 6)
    figure = found.figure
    assert figure is not None and figure.kind == "standardised"
    assert figure.label == "Hedges' g, Massage vs Usual care"
    se = math.sqrt(1 / 20 + 1 / 20 + 0.25 / 80)
    assert figure.ci_low == pytest.approx(0.5 - 1.959964 * se, abs=1e-5)
    assert figure.ci_high == pytest.approx(0.5 + 1.959964 * se, abs=1e-5)
    assert figure.ci_source == "computed" and figure.method == G_INTERVAL
    assert (found.arm_n, found.versus_n) == (20, 20)
    assert found.reported == "Hedges' g 0.5"


def test_a_hedges_g_between_groups_of_unknown_size_has_no_ci(clinic_admin):
    study, treated, control = trial(clinic_admin)
    result(clinic_admin, study, "g", scope="between_arms", arm=treated, versus_arm=control,
           effect_type="hedges_g", effect_value=0.5, p_value=0.001, p_operator="<")  # fmt: skip
    (found,) = comparators("fss")
    assert found.figure is not None and found.figure.ci_low is None
    assert found.figure.method == NO_G_CI
    assert found.reported == "Hedges' g 0.5; p < 0.001"


def test_a_group_mean_at_a_time_point_is_a_change_from_its_baseline_without_a_ci(clinic_admin):
    study, treated, _ = trial(clinic_admin)
    result(clinic_admin, study, "base", scope="arm", arm=treated, time_point="baseline",
           time_point_weeks=0, mean=5.2, sd=1.1, n=20)  # fmt: skip
    result(clinic_admin, study, "wk6", scope="arm", arm=treated, time_point="after 6 weeks",
           time_point_weeks=6, mean=4.5, sd=1.0, n=20)  # fmt: skip
    (found,) = comparators("fss", "total", 6)
    assert found.result_key == "wk6"  # the baseline is used, not listed
    assert found.figure is not None and found.figure.value == pytest.approx(-0.7)
    assert found.figure.value_source == "computed" and found.figure.ci_low is None
    assert found.figure.method == DIFFERENCE_OF_MEANS


def test_an_f_statistic_is_reported_in_words_but_gives_no_figure(clinic_admin):
    study, treated, control = trial(clinic_admin)
    result(clinic_admin, study, "f", scope="between_arms", arm=treated, versus_arm=control,
           effect_type="f_statistic", effect_value=45.38)  # fmt: skip
    (found,) = comparators("fss")
    assert found.figure is None and found.reported == "F statistic 45.38"


def test_an_instrument_with_several_scores_matches_only_the_score_asked_for(clinic_admin):
    study, treated, control = trial(clinic_admin)
    common = {"scope": "between_arms", "arm": treated, "versus_arm": control,
              "instrument_code": "dass21", "effect_type": "hedges_g"}  # fmt: skip
    result(clinic_admin, study, "stress", score_name="stress", effect_value=0.8, **common)
    result(clinic_admin, study, "anxiety", score_name="anxiety", effect_value=0.47, **common)
    result(clinic_admin, study, "overall", score_name="", effect_value=0.6, **common)
    assert [c.result_key for c in comparators("dass21", "anxiety")] == ["anxiety"]


def test_studies_come_oldest_first(clinic_admin):
    for key, year in (("new2024", 2024), ("old2010", 2010)):
        study, treated, _ = trial(clinic_admin, key=key)
        study.reference.year = year
        study.reference.save()
        result(clinic_admin, study, key, scope="within_arm", arm=treated, mean=-1.0)
    assert [c.study_key for c in comparators("fss")] == ["old2010", "new2024"]


def test_the_query_runs_one_database_query_however_many_trials_match(
    clinic_admin, django_assert_num_queries
):
    for index in range(4):
        study, treated, control = trial(clinic_admin, key=f"trial{index}", n=15)
        result(clinic_admin, study, f"g{index}", scope="between_arms", arm=treated,
               versus_arm=control, effect_type="hedges_g", effect_value=0.4)  # fmt: skip
    with django_assert_num_queries(1):
        assert len(comparators("fss", "total")) == 4


@pytest.mark.parametrize(
    ("code", "score", "weeks", "field"),
    [
        ("", "total", None, "instrument"),
        ("stai", "total", None, "instrument"),
        ("fss", "anxiety", None, "score"),
        ("dass21", "", None, "score"),
        ("fss", "total", -1, "weeks"),
        ("fss", "total", math.nan, "weeks"),
        ("fss", "total", math.inf, "weeks"),
    ],
)
def test_a_bad_question_is_refused_naming_its_field(db, code, score, weeks, field):
    with pytest.raises(ValidationError) as caught:
        comparators(code, score, weeks)
    assert list(caught.value.message_dict) == [field]
