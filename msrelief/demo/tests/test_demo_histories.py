"""The demo's questionnaire histories (msrelief/demo/histories.py), as load-demo stores them."""

import pytest
from django.db.models import Count
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client
from msrelief.demo import data, histories
from msrelief.instruments.models import Response, SafetyFlag
from msrelief.programmes.models import SessionRating
from msrelief.scoring import get_definition, score


def longest_history(client):
    """The most responses one instrument has for ``client``, and the days they span."""
    best = (0, 0)
    for code in {r.instrument_code for r in client.responses.all()}:
        dates = [r.submitted_at for r in client.responses.all() if r.instrument_code == code]
        best = max(best, (len(dates), (max(dates) - min(dates)).days))
    return best


def test_at_least_half_the_clients_have_three_responses_to_one_questionnaire_over_two_months(
    demo,
):
    clients = list(Client.objects.prefetch_related("responses"))
    followed = [c for c in clients if longest_history(c)[0] >= 3 and longest_history(c)[1] >= 61]
    assert len(followed) * 2 >= len(clients)


def test_one_client_has_a_single_response_and_one_has_none_as_the_guide_says(demo):
    counts = dict(Client.objects.annotate(n=Count("responses")).values_list("display_name", "n"))
    assert counts["C. Demo-Ishida"] == 1 and counts["E. Demo-Lindqvist"] == 0


def test_every_response_is_a_paper_form_dated_before_today_and_after_the_consent(demo):
    today = timezone.localdate()
    # the demo client's symptom diary (demo/diary.py, test_demo_diary.py) is not on paper
    for response in Response.objects.exclude(via="diary").select_related("client"):
        day = timezone.localtime(response.submitted_at).date()
        consent = response.client.consents.earliest("consented_on").consented_on
        assert response.via == "staff" and consent <= day < today, response


def test_each_stored_score_is_the_total_the_course_names(demo):
    stored = {}
    # the 0-10 ratings of the demo's programme sessions (demo/programmes.py) are not courses
    ratings = SessionRating.objects.values("response_id")
    courses = Response.objects.exclude(pk__in=ratings).exclude(via="diary")
    for response in courses.order_by("submitted_at").prefetch_related("scores"):
        key = (response.client.display_name, response.instrument_code)
        stored.setdefault(key, []).append(response.scores.get().total)
    planned = {
        (course.client, code): [float(t) for t in totals]
        for course in histories.COURSES
        for code, totals in course.totals.items()
    }
    assert stored == planned


def test_responses_are_entered_by_the_clinics_therapist_audited_and_raise_no_flag(demo):
    therapists = {data.LOGINS[1][0], data.LOGINS[2][0]}
    entered = AuditEvent.objects.filter(event="response.entered")
    assert entered.count() == Response.objects.filter(via="staff").count()
    assert set(entered.values_list("actor__email", flat=True)) == therapists
    for response in Response.objects.select_related("client__clinic", "submitted_by"):
        assert response.submitted_by.clinic_id == response.client.clinic_id
    # no answer raises a flag (the demo's one adverse event does, in demo/programmes.py)
    assert not SafetyFlag.objects.filter(source_kind="response").exists()


@pytest.mark.parametrize(
    "code", sorted({code for course in histories.COURSES for code in course.totals})
)
def test_the_answers_made_for_a_total_score_that_total_and_leave_watched_items_at_zero(code):
    definition = get_definition(code)
    low, high = definition.score_spec("total").range
    watched = {rule.item for rule in definition.spec.scoring.safety}
    top = high - 3 * len(watched)  # a watched item (PHQ-9 item 9, answers 0-3) stays at 0
    for total in range(int(low), int(high) + 1):
        if total > top:
            with pytest.raises(ValueError, match="cannot make answers scoring"):
                histories.answers_for(code, total)
            continue
        answers = histories.answers_for(code, total)
        assert score(definition, answers).total == total
        assert all(answers[item] == 0 for item in watched)


def test_answers_are_not_made_for_a_questionnaire_with_reverse_keyed_items():
    with pytest.raises(ValueError, match="unkeyed one-scale"):
        histories.answers_for("pss10", 10)


def test_a_course_with_more_visits_than_the_schedule_or_one_ending_today_is_refused():
    with pytest.raises(ValueError, match="at most 4 visits"):
        histories.Course("X. Demo", 400, {"phq9": (1, 2, 3, 4, 5)})
    with pytest.raises(ValueError, match="before today"):
        histories.Course("X. Demo", 42, {"phq9": (1, 2)})
