"""The demo client's symptom diary (msrelief/demo/diary.py): a daily diary with two weeks of
entries from her login, made through the diary service, with today left to fill in."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client
from msrelief.demo import data
from msrelief.instruments.diary.models import DiaryEntry


def test_the_demo_client_has_a_daily_diary_with_entries_on_13_of_the_last_14_days(demo):
    ana = Client.objects.get(user__email=data.CLIENT_LOGIN)
    plan = ana.diary_plan
    assert plan.frequency == "daily" and plan.wants_reminder and plan.has_link
    today = timezone.localdate()
    days = sorted((today - entry.on).days for entry in plan.entries.all())
    assert days == [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]
    for entry in plan.entries.all():
        local = timezone.localtime(entry.submitted_at)
        assert (local.date(), local.time()) == (entry.on, dt.time(20, 30))
        assert entry.route == "portal" and entry.submitted_by.email == data.CLIENT_LOGIN


def test_the_demo_ratings_vary_from_day_to_day_and_one_question_was_left_out(demo):
    entries = DiaryEntry.objects.prefetch_related("responses")
    by_code = {}
    for entry in entries:
        for response in entry.responses.all():
            assert response.via == "diary"
            by_code.setdefault(response.instrument_code, []).append(response.answers["1"])
    assert {code: len(values) for code, values in by_code.items()} == {
        "nrs-fatigue": 13,
        "nrs-pain": 13,
        "nrs-sleep": 13,
        "nrs-stress": 12,
        "nrs-stiffness": 13,
    }
    assert all(len(set(values)) >= 3 for values in by_code.values())


def test_the_diary_was_made_through_the_audited_service(demo):
    assert AuditEvent.objects.filter(event="diary.started").count() == 1
    assert AuditEvent.objects.filter(event="diary_entry.submitted").count() == 13


def test_the_demo_client_can_fill_in_todays_diary_and_her_therapist_sees_the_sparklines(
    client, demo
):
    client.post(
        reverse("accounts-login"), {"username": data.CLIENT_LOGIN, "password": data.PASSWORD}
    )
    page = client.get(reverse("diary-mine"))
    assert page.status_code == 200 and "Save today's diary" in page.text
    client.logout()
    client.force_login(User.objects.get(email=data.LOGINS[1][0]))
    ana = Client.objects.get(user__email=data.CLIENT_LOGIN)
    record = client.get(reverse("clients-detail", args=[ana.pk])).text
    # the last 14 days are today (not yet filled in) and the 13 days before it, one missed
    assert record.count('class="sparkline"') == 5
    assert record.count("12 of 14 days rated.") == 4 and "11 of 14 days rated." in record
