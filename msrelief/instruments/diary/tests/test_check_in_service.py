"""services.check_in: one check-in stores a scored response per rating answered, all or
nothing, once a local day, and the same form sent twice lands on the first."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.instruments.diary import services
from msrelief.instruments.diary.models import DiaryEntry
from msrelief.instruments.diary.tests.conftest import ALL_FIVE
from msrelief.instruments.models import Response


def test_a_check_in_stores_one_scored_response_per_rating_with_the_entry(plan, therapist):
    entry = services.check_in(plan, ALL_FIVE, None, "link", key="k1")
    responses = {r.instrument_code: r for r in entry.responses.prefetch_related("scores")}
    assert set(responses) == set(ALL_FIVE)
    for code, value in ALL_FIVE.items():
        response = responses[code]
        assert response.answers == {"1": value}
        assert response.via == "diary" and response.instrument_version == "1.0"
        (stored,) = response.scores.all()
        assert (stored.total, stored.scoring_version) == (value, f"{code}@1.0/scoring-1")
    assert entry.on == timezone.localdate() and entry.route == "link"
    assert entry.client == plan.client and entry.clinic == plan.clinic


def test_a_check_in_is_audited_once_as_an_entry_and_once_per_response(plan):
    entry = services.check_in(plan, {"nrs-pain": 2.0, "nrs-sleep": None}, None, "link")
    event = AuditEvent.objects.get(event="diary_entry.submitted")
    assert event.object_id == str(entry.pk)
    assert event.changes == {"instruments": ["nrs-pain"], "route": "link"}
    assert event.client_ref == plan.client_id
    assert AuditEvent.objects.filter(event="response.submitted").count() == 1


def test_questions_left_blank_are_skipped_and_stored_as_nothing(plan):
    answers = {"nrs-fatigue": None, "nrs-pain": 0.0, "nrs-sleep": None}
    entry = services.check_in(plan, answers, None, "link")
    assert list(entry.responses.values_list("instrument_code", "answers")) == [
        ("nrs-pain", {"1": 0.0})
    ]


def test_a_check_in_with_nothing_answered_is_refused_and_saves_nothing(plan):
    with pytest.raises(ValidationError, match="at least one question"):
        services.check_in(plan, dict.fromkeys(ALL_FIVE), None, "link")
    assert not DiaryEntry.objects.exists() and not Response.objects.exists()


@pytest.mark.parametrize("bad", [11.0, -1.0, 2.5])
def test_a_rating_outside_the_scale_is_refused_by_name_and_nothing_is_saved(plan, bad):
    with pytest.raises(ValidationError) as caught:
        services.check_in(plan, {"nrs-fatigue": 3.0, "nrs-stress": bad}, None, "link")
    assert caught.value.message_dict == {"stress": ["Choose a number from 0 to 10 for stress."]}
    assert not DiaryEntry.objects.exists() and not Response.objects.exists()


def test_a_question_that_is_not_in_the_diary_is_refused(plan):
    with pytest.raises(ValidationError, match="Not a diary question: phq9"):
        services.check_in(plan, {"phq9": 1.0, "nrs-pain": 1.0}, None, "link")
    assert not Response.objects.exists()


def test_the_same_form_sent_twice_lands_on_the_first_entry_and_stores_nothing_more(plan):
    first = services.check_in(plan, ALL_FIVE, None, "link", key="same")
    again = services.check_in(plan, {"nrs-pain": 9.0}, None, "link", key="same")
    assert again == first
    assert DiaryEntry.objects.count() == 1 and Response.objects.count() == 5


def test_a_second_check_in_the_same_day_is_refused_naming_the_first(plan):
    first = services.check_in(plan, ALL_FIVE, None, "link", key="one")
    with pytest.raises(services.AlreadyDone) as caught:
        services.check_in(plan, {"nrs-pain": 9.0}, None, "link", key="two")
    assert caught.value.entry == first
    assert Response.objects.count() == 5


def test_a_check_in_without_a_key_the_same_day_is_refused_too(plan):
    services.check_in(plan, ALL_FIVE, None, "link")
    with pytest.raises(services.AlreadyDone):
        services.check_in(plan, ALL_FIVE, None, "link")


def test_the_day_is_the_local_one_so_just_after_local_midnight_is_a_new_day(plan):
    # Local times of the tests' zone (Pacific/Auckland), an hour apart across midnight.
    evening = timezone.make_aware(dt.datetime(2026, 3, 9, 23, 30))
    after_midnight = evening + dt.timedelta(hours=1)
    a = services.check_in(plan, ALL_FIVE, None, "link", at=evening)
    b = services.check_in(plan, ALL_FIVE, None, "link", at=after_midnight)
    assert (a.on, b.on) == (dt.date(2026, 3, 9), dt.date(2026, 3, 10))
    assert b.responses.first().submitted_at == after_midnight


def test_a_check_in_by_the_client_login_names_the_client(plan, person_with_ms):
    entry = services.check_in(plan, {"nrs-pain": 1.0}, person_with_ms, "portal")
    assert entry.submitted_by == person_with_ms and entry.route == "portal"
    assert entry.responses.get().submitted_by == person_with_ms
    assert AuditEvent.objects.get(event="diary_entry.submitted").actor == person_with_ms


def test_a_diary_entry_cannot_be_changed_once_saved(plan):
    from msrelief.instruments.models import ImmutableError

    entry = services.check_in(plan, {"nrs-pain": 1.0}, None, "link")
    entry.route = "portal"
    with pytest.raises(ImmutableError):
        entry.save()
