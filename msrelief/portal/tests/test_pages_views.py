"""The client's own pages: home (the next session, how many questionnaires are open), the
sessions, the questionnaires, progress in plain words and consent. Only the signed-in
client's own record shows; staff are refused; someone not signed in is sent to sign in."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.instruments import services as measures
from msrelief.programmes import services as programmes
from msrelief.programmes.tests.factories import enrol
from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record, make_user

PAGES = ["portal-home", "portal-sessions", "portal-questionnaires", "portal-progress",
         "portal-consent", "portal-data"]  # fmt: skip


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_one_heading_and_opens_for_the_client(client, robin, name):
    client.force_login(robin.user)
    page = client.get(reverse(name))
    assert page.status_code == 200
    assert page.text.count("<h1") == 1
    assert 'class="skip-link" href="#main"' in page.text


@pytest.mark.parametrize("name", PAGES)
def test_someone_not_signed_in_is_sent_to_the_portal_sign_in(client, db, name):
    answer = client.get(reverse(name))
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("portal-sign-in"))


@pytest.mark.parametrize("name", PAGES)
def test_staff_are_refused(client, therapist, name):
    client.force_login(therapist)
    assert client.get(reverse(name)).status_code == 403


def test_a_client_login_without_a_record_is_told_to_ask_their_therapist(client, clinic):
    client.force_login(make_user("sam@example.test", clinic, "client"))
    page = client.get(reverse("portal-home"))
    assert page.status_code == 200
    assert "not linked to your record yet" in page.text


def test_home_shows_the_next_session_and_how_many_questionnaires_are_open(client, robin, therapist):
    enrolment = enrol(therapist, robin, start=timezone.localdate() + dt.timedelta(days=1))
    first = enrolment.sessions.order_by("starts_at").first()
    assign(therapist, robin)
    assign(therapist, robin, "gad7")
    client.force_login(robin.user)
    page = client.get(reverse("portal-home")).text
    assert timezone.localtime(first.starts_at).strftime("%H:%M") in page
    assert f"for {first.minutes} minutes" in page
    assert "You have 2 questionnaires to fill in." in page
    assert reverse("portal-questionnaires") in page


def test_the_sessions_page_shows_upcoming_sessions_and_cancelled_ones_as_cancelled(
    client, robin, therapist
):
    enrolment = enrol(therapist, robin, start=timezone.localdate() - dt.timedelta(days=14))
    today = start_of_today()
    future = list(enrolment.sessions.filter(starts_at__gte=today).order_by("starts_at"))
    programmes.record_session_status(
        therapist, future[0], "cancelled", cancelled_by="client", note="Away."
    )
    client.force_login(robin.user)
    page = client.get(reverse("portal-sessions")).text
    assert page.count("<li><strong>") == len(future) - 1
    assert page.count("<li><s>") == 1 and "<strong>Cancelled</strong>" in page
    past = enrolment.sessions.filter(starts_at__lt=today).first()
    assert timezone.localtime(past.starts_at).strftime("%A %-d %B %Y") not in page


def start_of_today() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))


def test_a_session_that_ended_this_morning_is_listed_for_today_but_is_not_the_next_one(
    client, robin, therapist
):
    # Monday 7 December 2026 in the site's time zone: a session at 10:00 today, over by 15:00.
    with time_machine.travel(dt.datetime(2026, 12, 7, 15, tzinfo=timezone.get_current_timezone())):
        enrolment = enrol(therapist, robin, start=timezone.localdate() + dt.timedelta(days=1))
        later = enrolment.sessions.order_by("starts_at").first()
        earlier = programmes.add_session(therapist, enrolment, timezone.localdate(), dt.time(10, 0))
        client.force_login(robin.user)
        sessions = client.get(reverse("portal-sessions")).text
        home = client.get(reverse("portal-home")).text
    assert "Monday 7 December 2026" in sessions
    assert "Monday 7 December 2026" not in home
    assert timezone.localtime(later.starts_at).strftime("%A %-d %B %Y") in home
    assert earlier.starts_at < later.starts_at


def test_a_session_going_on_now_is_still_the_next_one(client, robin, therapist):
    # Monday 7 December 2026, twenty minutes into a session that started at 10:00.
    moment = dt.datetime(2026, 12, 7, 10, 20, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(moment):
        enrolment = enrol(therapist, robin, start=timezone.localdate() + dt.timedelta(days=1))
        programmes.add_session(therapist, enrolment, timezone.localdate(), dt.time(10, 0))
        client.force_login(robin.user)
        home = client.get(reverse("portal-home")).text
    assert "Monday 7 December 2026, at 10:00" in home


def test_the_questionnaires_page_links_to_the_fill_in_pages(client, robin, therapist):
    administration, _ = assign(therapist, robin)
    client.force_login(robin.user)
    page = client.get(reverse("portal-questionnaires")).text
    start = reverse("portal-start", kwargs={"pk": administration.pk})
    assert start in page
    assert client.get(start).status_code == 200


def test_the_progress_page_says_in_plain_words_how_each_score_changed(client, robin, therapist):
    for worst in (3, 0):
        administration, _ = assign(therapist, robin)
        measures.save_draft(administration, {**PHQ9_ALL_ZERO, "1": worst, "2": worst}, None)
        measures.submit_response(administration, None, "link")
    assign(therapist, robin, "gad7")
    client.force_login(robin.user)
    page = client.get(reverse("portal-progress")).text
    assert "Patient Health Questionnaire-9 (PHQ-9)" in page
    assert 'class="progress-words">improved</span> since the time before' in page
    assert "is not proof that massage caused it" in page
    assert "item_1" not in page


def test_the_consent_page_gives_the_text_agreed_to_and_when(client, robin):
    client.force_login(robin.user)
    page = client.get(reverse("portal-consent")).text
    assert "5 January 2026" in page
    assert "I agree that this clinic keeps the information" in page


def test_a_client_sees_only_their_own_sessions_and_questionnaires(client, robin, therapist, clinic):
    from msrelief.clients import services as clients

    sam = make_client_record(therapist, display_name="Sam Other")
    assign(therapist, sam)
    enrol(therapist, sam, start=timezone.localdate() + dt.timedelta(days=1))
    sam_login = make_user("sam@example.test", clinic, "client")
    clients.link_login(therapist, sam, sam_login)
    client.force_login(robin.user)
    assert (
        "You have no questionnaires to fill in" in client.get(reverse("portal-questionnaires")).text
    )
    assert "No session is planned" in client.get(reverse("portal-sessions")).text
    assert "You have no questionnaire to fill in now." in client.get(reverse("portal-home")).text


def test_home_links_to_todays_diary_only_for_a_client_who_keeps_one(client, robin, therapist):
    from msrelief.instruments.diary import services as diary

    client.force_login(robin.user)
    assert reverse("diary-mine") not in client.get(reverse("portal-home")).text
    diary.start_diary(therapist, robin, "daily")
    page = client.get(reverse("portal-home")).text
    assert f'href="{reverse("diary-mine")}">Today\'s diary</a>' in page
