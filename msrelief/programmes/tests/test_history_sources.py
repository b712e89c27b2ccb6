"""A client's history on the Measures page keeps a 0-10 rating's settings apart: the ratings
taken before and after sessions, the symptom diary's, and a questionnaire of the same
instrument each have their own list, and no change is judged between them."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msrelief.instruments import services as measures
from msrelief.instruments.diary import services as diary
from msrelief.instruments.progress import DIARY, history
from msrelief.programmes.summaries import SESSION_RATINGS
from msrelief.reports.tests.progress_setup import rate_sessions


def a_mixed_record(therapist, client):
    rate_sessions(therapist, client, [(7, 3), (6, 2)])
    plan, _ = diary.start_diary(therapist, client, "daily")
    for days_ago, pain in ((3, 5), (2, 4)):
        when = timezone.now() - dt.timedelta(days=days_ago)
        diary.check_in(plan, {"nrs-pain": pain}, None, "link", at=when)
    measures.enter_response(therapist, client, "nrs-pain", {"1": 8}, timezone.localdate())


def test_each_setting_of_a_rating_has_its_own_history(therapist, ms_client):
    a_mixed_record(therapist, ms_client)
    pain = {h.source: h for h in history(ms_client) if h.definition.code == "nrs-pain"}
    assert set(pain) == {"", DIARY, SESSION_RATINGS}
    assert len(pain[SESSION_RATINGS].points) == 4
    assert len(pain[DIARY].points) == 2
    assert len(pain[""].points) == 1 and pain[""].judgements == ()


def test_a_change_is_judged_only_within_one_setting(therapist, ms_client):
    a_mixed_record(therapist, ms_client)
    [diary_pain] = [h for h in history(ms_client) if h.source == DIARY]
    [latest] = [j for j in diary_pain.judgements if j.score_name == "total"]
    assert (latest.result.baseline, latest.result.follow_up) == (5, 4)


def test_the_measures_page_names_each_setting_under_its_own_heading(client, therapist, ms_client):
    a_mixed_record(therapist, ms_client)
    client.force_login(therapist)
    page = client.get(reverse("instruments-measures", args=[ms_client.pk])).text
    assert f"({SESSION_RATINGS})</span>" in page and f"({DIARY})</span>" in page
    assert 'id="inst-nrs-pain"' in page and 'id="inst-nrs-pain-symptom-diary"' in page
