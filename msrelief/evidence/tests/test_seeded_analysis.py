import pytest
from django.urls import reverse

from msrelief.evidence import seeded as stored
from msrelief.evidence import services
from msrelief.evidence.models import Result
from msrelief.evidence.tests.conftest import make_arms, make_reference, make_study


def add_numbers(actor, study, values, *, time_point="after 6 weeks", n=None):
    treated, control = make_arms(actor, study, n=n)
    for arm, (mean, sd) in zip((treated, control), values, strict=True):
        services.create_result(
            actor, study, key=f"{study.key}-{arm.name}", scope="arm", arm=arm,
            construct="Fatigue", direction="lower is better", time_point=time_point,
            mean=mean, sd=sd, verification_status="abstract_only",
        )  # fmt: skip


def two_trials(actor, n=20):
    for key, values in (("trial1", [(30, 8), (36, 9)]), ("trial2", [(28, 7), (31, 7)])):
        study = make_study(actor, make_reference(actor, key=key), key=key)
        add_numbers(actor, study, values, n=n)


def test_two_trials_with_complete_numbers_are_pooled_as_hedges_g(clinic_admin):
    two_trials(clinic_admin)
    found = stored.find().analyses()
    assert len(found) == 1
    construct, rows, analysis = found[0]
    assert construct == "fatigue" and [r.study.key for r in rows] == ["trial1", "trial2"]
    assert analysis.output["k"] == 2 and analysis.output["measure"] == "SMD"


def test_the_page_shows_a_stored_analysis_with_its_forest_plot(client, clinic_admin):
    two_trials(clinic_admin)
    text = client.get(reverse("evidence-meta")).text
    assert "Forest plot: fatigue (Hedges&#x27; g)" in text
    assert "Not estimable yet." not in text


def test_a_missing_group_size_keeps_a_study_out_and_says_why(clinic_admin):
    two_trials(clinic_admin, n=None)
    finding = stored.find()
    assert finding.analyses() == []
    assert "trial1 (fatigue): group size not reported" in finding.reasons


def test_unverified_or_unconfirmed_numbers_are_never_pooled(seeded):
    finding = stored.find()
    assert finding.groups == {}
    assert not any("hernandezreif1998" in reason for reason in finding.reasons)


def test_an_unverified_result_is_left_out(clinic_admin):
    two_trials(clinic_admin)
    services.update_result(
        clinic_admin,
        Result.objects.get(key="trial2-massage"),
        verification_status="unverified",
    )
    assert stored.find().analyses() == []


@pytest.mark.parametrize("studies", [2, 20])
def test_the_meta_page_makes_two_queries_for_2_or_20_stored_studies_and_one_once_kept(
    client, clinic_admin, django_assert_max_num_queries, studies
):
    for number in range(studies):
        key = f"trial{number}"
        study = make_study(clinic_admin, make_reference(clinic_admin, key=key), key=key)
        add_numbers(clinic_admin, study, [(30 - number % 3, 8), (34, 9)], n=20)
    with django_assert_max_num_queries(2):  # the data version, the usable results
        text = client.get(reverse("evidence-meta")).text
    assert f"<dt>Studies</dt><dd>{studies}</dd>" in text
    with django_assert_max_num_queries(1):  # the data version only
        assert f"<dt>Studies</dt><dd>{studies}</dd>" in client.get(reverse("evidence-meta")).text


def test_the_recorded_direction_labels_which_side_favours_massage(clinic_admin):
    two_trials(clinic_admin)
    (_, _, analysis) = stored.find().analyses()[0]
    assert analysis.better == "lower"
    assert "\u2190 favours treatment" in analysis.svg and "control \u2192" in analysis.svg_compact


@pytest.mark.parametrize(
    ("direction", "better"),
    [
        ("lower is better", "lower"),
        ("Lower is better (time in seconds)", "lower"),
        ("higher is better", "higher"),
        ("", None),
        ("depends on the subscale", None),
    ],
)
def test_the_direction_of_scoring_is_read_from_the_recorded_words(direction, better):
    assert stored.better_from(direction) == better
