"""The client record's "Symptom diary" section: the start form without a diary; with one, a
sparkline per rating over the last 14 days and a table of the last 14 entries, in a number of
queries that does not grow with the entries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from msrelief.instruments.diary import services
from msrelief.instruments.diary.tests.conftest import ALL_FIVE


@pytest.fixture
def staff(client, therapist):
    client.force_login(therapist)
    return client


def fill(plan, days, start=1):
    now = timezone.now()
    for back in range(start, start + days):
        answers = {**ALL_FIVE, "nrs-pain": float(back % 11)}
        services.check_in(plan, answers, None, "link", at=now - dt.timedelta(days=back))


def record(staff, ms_client):
    return staff.get(reverse("clients-detail", args=[ms_client.pk])).text


def test_without_a_diary_the_record_offers_to_start_one(staff, ms_client):
    page = record(staff, ms_client)
    assert '<h2 id="diary-title">Symptom diary</h2>' in page
    assert "Start a symptom diary" in page
    assert f'action="{reverse("diary-start", args=[ms_client.pk])}"' in page


def test_a_diary_without_entries_says_so(staff, ms_client, plan):
    page = record(staff, ms_client)
    assert "Every day. No reminder wanted." in page and "No entries yet." in page
    assert "Start a symptom diary" not in page


def test_the_section_has_a_sparkline_per_rating_and_the_last_14_entries(staff, ms_client, plan):
    fill(plan, 20)
    page = record(staff, ms_client)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="sparkline"') == 5
    for name in ("fatigue", "pain", "sleep", "stress", "stiffness"):
        assert f'id="diary-spark-{name}-title"' in page
    assert "Pain, the last 14 days" in page
    # 13 of the last 14 days have an entry (today has none yet)
    assert "13 of 14 days rated." in page
    assert page.count('<th scope="row">') == 14


def test_a_corrected_rating_shows_its_latest_version(staff, ms_client, plan, therapist):
    from msrelief.instruments import services as measures

    entry = services.check_in(plan, {"nrs-pain": 4.0}, None, "link")
    first = entry.responses.get()
    second = measures.correct_response(therapist, first, {"1": 6.0}, "Typed the wrong number")
    measures.correct_response(therapist, second, {"1": 7.0}, "And again")
    page = record(staff, ms_client)
    assert 'data-label="Pain">7</td>' in page and 'data-label="Pain">4</td>' not in page


def test_the_query_count_does_not_grow_with_the_entries(staff, ms_client, plan):
    fill(plan, 2)
    with CaptureQueriesContext(connection) as few:
        record(staff, ms_client)
    fill(plan, 25, start=3)
    with CaptureQueriesContext(connection) as many:
        record(staff, ms_client)
    assert len(many) == len(few)


def test_the_section_itself_takes_a_bounded_number_of_queries(
    ms_client, plan, django_assert_max_num_queries
):
    from django.template.loader import render_to_string

    fill(plan, 30)
    with django_assert_max_num_queries(5):
        html = render_to_string("instruments/diary/_record.html", {"client": ms_client})
    assert html.count("<svg") == 5


def test_an_outsider_gets_404_on_the_record(client, outsider, ms_client, plan):
    client.force_login(outsider)
    assert client.get(reverse("clients-detail", args=[ms_client.pk])).status_code == 404
