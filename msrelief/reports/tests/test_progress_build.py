"""The progress builder: constructs with charts and change judgements, the trials beside them,
session-level relief, and a bounded number of queries."""

from __future__ import annotations

import pytest
from scipy import stats

from msrelief.reports.progress.build import build
from msrelief.reports.progress.display import NO_FIGURE, construct_view
from msrelief.reports.tests.progress_setup import enter, rate_sessions

pytestmark = pytest.mark.django_db


def _construct(progress, code, score="total"):
    return next(c for c in progress.constructs if c.code == code and c.score_name == score)


def test_a_large_fall_in_fss_is_labelled_improved_with_rci_and_mcid_and_their_sources(
    therapist, ms_client
):
    enter(therapist, ms_client, "fss", [6, 4, 2])
    fss = _construct(build(ms_client), "fss")
    shown = construct_view(fss, svg=False)
    assert shown.label == "improved"
    assert fss.change is not None and fss.change.baseline == 6 and fss.change.follow_up == 2
    assert shown.rci_text.startswith("RCI ") and "a reliable change" in shown.rci_text
    assert shown.mcid_text.startswith("MCID ") and "reached" in shown.mcid_text
    assert shown.sources, "every threshold names its source"


def test_a_change_without_a_published_rci_is_judged_on_the_mcid_and_says_so(
    therapist, ms_client, colleague
):
    enter(therapist, ms_client, "phq9", [10, 9])
    enter(therapist, ms_client, "gad7", [3, 18])
    progress = build(ms_client)
    assert construct_view(_construct(progress, "phq9"), svg=False).label == "no reliable change"
    gad7 = construct_view(_construct(progress, "gad7"), svg=False)
    assert gad7.label == "worse" and gad7.rci_text.startswith("RCI: not available")


def test_one_score_is_charted_but_not_judged(therapist, ms_client):
    enter(therapist, ms_client, "phq9", [12])
    phq9 = _construct(build(ms_client), "phq9")
    assert phq9.change is None and phq9.wide is not None and phq9.compact is not None
    assert construct_view(phq9, svg=False).label.startswith("no judgement")


def test_the_charts_mark_the_programme_period_and_are_accessible_svg(therapist, ms_client):
    enter(therapist, ms_client, "phq9", [15, 12, 10, 9, 8])  # 12 to 4 weeks ago
    rate_sessions(therapist, ms_client, [(6, 4)])  # enrolled 5 weeks ago
    progress = build(ms_client)
    phq9 = _construct(progress, "phq9")
    assert len(progress.periods) == 1 and "Programme periods" in phq9.wide.description
    shown = construct_view(phq9)
    assert 'role="img"' in shown.wide_svg and 'role="img"' in shown.compact_svg
    assert phq9.compact.variant == "compact"


def test_a_programme_after_the_last_score_is_named_after_the_chart_not_drawn(therapist, ms_client):
    enter(therapist, ms_client, "phq9", [15, 12, 10])  # 12 to 8 weeks ago
    rate_sessions(therapist, ms_client, [(6, 4)])  # enrolled 5 weeks ago
    phq9 = _construct(build(ms_client), "phq9")
    assert "Programme periods" not in phq9.wide.description
    (note,) = phq9.wide.notes
    assert note.startswith("After the last score: Programme: ")


def test_session_ratings_give_relief_with_the_t_interval_scipy_computes(therapist, ms_client):
    pairs = [(7, 4), (6, 5), (8, 5), (5, 5)]
    rate_sessions(therapist, ms_client, pairs)
    progress = build(ms_client)
    (pain,) = progress.relief
    changes = [post - pre for pre, post in pairs]
    mean = sum(changes) / len(changes)
    low, high = stats.t.interval(0.95, len(changes) - 1, loc=mean, scale=stats.sem(changes))
    assert pain.code == "nrs-pain" and pain.relief.n == 4 and pain.relief.relief_is == "a fall"
    assert pain.relief.mean_change == pytest.approx(mean)
    assert pain.relief.ci.low == pytest.approx(low) and pain.relief.ci.high == pytest.approx(high)
    assert not any(c.code == "nrs-pain" for c in progress.constructs), "ratings are not charted"


def test_naderi_2024_is_beside_the_fss_change_labelled_as_no_figure_reported(therapist, ms_client):
    from msrelief.evidence import seeding

    seeding.load()
    enter(therapist, ms_client, "fss", [6, 5, 4, 4])
    fss = _construct(build(ms_client), "fss")
    (naderi,) = [t for t in construct_view(fss, svg=False).trials if "Naderi" in t.citation]
    assert naderi.citation == "Naderi et al. 2024" and "2024" in naderi.study_url
    assert naderi.figure_label == NO_FIGURE and "less fatigue" in naderi.figure_text


def test_the_builder_runs_the_same_number_of_queries_however_many_responses(
    therapist, ms_client, django_assert_num_queries
):
    enter(therapist, ms_client, "phq9", [15, 12])
    enrolment = rate_sessions(therapist, ms_client, [(6, 4)])
    with django_assert_num_queries(8):  # 7 + the trials of the one construct
        build(ms_client)
    enter(therapist, ms_client, "phq9", [11, 10, 9, 8], weeks_ago=6)
    rate_sessions(therapist, ms_client, [(5, 3), (4, 3)], enrolment, skip=1)
    with django_assert_num_queries(8):  # 7 + the trials of the one construct
        build(ms_client)


def test_the_clients_own_progress_has_plain_charts_and_no_trials_or_relief(
    therapist, ms_client, django_assert_num_queries
):
    from msrelief.evidence import seeding

    seeding.load()
    enter(therapist, ms_client, "fss", [6, 5, 4, 4])
    rate_sessions(therapist, ms_client, [(6, 4)])
    with django_assert_num_queries(5):  # 7 less the two of the session relief, no trials
        progress = build(ms_client, for_client=True)
    fss = _construct(progress, "fss")
    assert fss.comparators == () and progress.relief == ()
    assert "MCID" not in fss.wide.description and "MCID" not in fss.compact.description
    assert _construct(build(ms_client), "fss").comparators, "staff see Naderi 2024"
