"""The symptom diary's reminder in the reminder pass (programmes/reminders/diary_rules.py),
with a frozen clock: on which days and at what time it goes, and when it does not."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core import mail

from msrelief.clients import services as clients
from msrelief.clients.models import ReminderChannel
from msrelief.instruments.diary import services as diary
from msrelief.notifications import delivery
from msrelief.notifications.models import Delivery, Kind, Message
from msrelief.programmes.models import ReminderLog
from msrelief.programmes.reminders import rules
from msrelief.programmes.reminders import services as reminders
from msrelief.programmes.reminders.diary_rules import NO_WAY_IN
from msrelief.programmes.reminders.models import Outcome, ReminderKind
from msrelief.programmes.reminders.services import ALREADY, SENT, SKIPPED, WAITS
from msrelief.programmes.tests.reminders_setup import MONDAY, nz, pass_at, with_email

DIARY = ReminderKind.DIARY
TUESDAY = MONDAY + dt.timedelta(days=1)
REFUSING = "msrelief.notifications.testing.RefusingEmailBackend"


@pytest.fixture
def robin(therapist, ms_client, time_machine):
    time_machine.move_to(nz(MONDAY, 10), tick=False)
    return with_email(therapist, ms_client, time_zone="Pacific/Auckland")


def start(therapist, client, frequency="daily", wants_reminder=True):
    plan, _token = diary.start_diary(therapist, client, frequency, wants_reminder)
    return plan


def fill_in(plan, at):
    return diary.check_in(plan, {"nrs-pain": 2.0}, None, "link", at=at)


def diary_messages():
    return Message.objects.filter(kind=Kind.DIARY_REMINDER)


def test_a_daily_diary_is_reminded_every_day_at_the_diary_time_and_not_before(
    therapist, robin, time_machine
):
    start(therapist, robin)
    early = pass_at(time_machine, nz(MONDAY, 17, 59), DIARY)
    monday = pass_at(time_machine, nz(MONDAY, 18), DIARY)
    tuesday = pass_at(time_machine, nz(TUESDAY, 18, 10), DIARY)
    assert [(line.action, line.at) for line in early] == [(WAITS, nz(MONDAY, 18))]
    assert [line.action for line in monday + tuesday] == [SENT, SENT]
    assert "daily symptom diary due on Monday 2 March 2026 at 18:00" in monday[0].reason
    keys = [log.about_key for log in ReminderLog.objects.filter(kind=DIARY).order_by("id")]
    assert keys == [
        f"diary:{robin.diary_plan.pk}@2026-03-02",
        f"diary:{robin.diary_plan.pk}@2026-03-03",
    ]
    assert diary_messages().count() == 2


def test_a_weekly_diary_is_reminded_only_on_the_weekday_it_was_started_on(
    therapist, robin, time_machine
):
    start(therapist, robin, "weekly")
    week = [pass_at(time_machine, nz(MONDAY + dt.timedelta(days=n), 18), DIARY) for n in range(8)]
    assert [[line.action for line in lines] for lines in week] == [
        [SENT],
        [],
        [],
        [],
        [],
        [],
        [],
        [SENT],
    ]
    assert "weekly symptom diary due on Monday 9 March 2026" in week[7][0].reason


def test_the_email_says_only_that_the_diary_is_due_and_carries_an_unsubscribe_link(
    therapist, robin, time_machine, client, django_capture_on_commit_callbacks
):
    start(therapist, robin)
    fill_in(robin.diary_plan, nz(MONDAY - dt.timedelta(days=1), 20))  # yesterday's, rated
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(MONDAY, 18), DIARY)
    (email,) = mail.outbox
    assert email.to == ["robin@example.test"] and email.subject == "Your symptom diary today"
    assert "time for your symptom diary today" in email.body
    assert "pain" not in email.body.lower() and "Robin" not in email.body
    assert "diary link your clinic gave you" in email.body  # no login: no link to it
    unsubscribe = next(word for word in email.body.split() if "/unsubscribe/" in word)
    assert client.get(urlsplit(unsubscribe).path).status_code == 200


def test_a_client_with_a_login_is_sent_the_diary_page_of_the_login(
    therapist, clinic_admin, robin, person_with_ms, time_machine, django_capture_on_commit_callbacks
):
    clients.link_login(clinic_admin, robin, person_with_ms)
    start(therapist, robin)
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(MONDAY, 18), DIARY)
    assert "/me/diary/" in mail.outbox[0].body


def test_no_reminder_goes_once_the_day_is_filled_in_and_the_skip_is_logged_once(
    therapist, robin, time_machine
):
    plan = start(therapist, robin)
    fill_in(plan, nz(MONDAY, 12))
    lines = pass_at(time_machine, nz(MONDAY, 18), DIARY)
    again = pass_at(time_machine, nz(MONDAY, 18, 15), DIARY)
    assert [(line.action, line.reason) for line in lines + again] == [
        (SKIPPED, "the diary of 2 March 2026 is already filled in")
    ] * 2
    logs = ReminderLog.objects.filter(kind=DIARY)
    assert [(log.outcome, log.client) for log in logs] == [(Outcome.SKIPPED, robin)]
    assert not diary_messages().exists()


def test_a_diary_filled_in_between_the_decision_and_the_send_is_not_reminded_of(
    therapist, robin, time_machine
):
    plan = start(therapist, robin)
    time_machine.move_to(nz(MONDAY, 18), tick=False)
    decision = next(d for d in rules.decide(nz(MONDAY, 18)) if d.kind == DIARY)
    fill_in(plan, nz(MONDAY, 18))
    line = reminders._send(decision, nz(MONDAY, 18))
    assert (line.action, line.reason) == (SKIPPED, "the diary of 2 March 2026 is already filled in")
    assert not diary_messages().exists()


def test_a_queued_reminder_of_a_diary_filled_in_before_the_retry_is_withdrawn(
    therapist, robin, time_machine, settings, django_capture_on_commit_callbacks
):
    plan = start(therapist, robin)
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(MONDAY, 18), DIARY)
    message = diary_messages().get()
    fill_in(plan, nz(MONDAY, 18, 1))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(message.next_attempt_at, tick=False)
    assert [o.state for o in delivery.deliver_due()] == ["withdrawn"]
    message.refresh_from_db()
    assert message.status == Delivery.WITHDRAWN and mail.outbox == []
    log = ReminderLog.objects.get(kind=DIARY)
    assert log.outcome == Outcome.WITHDRAWN and "already filled in" in log.reason


def test_a_diary_without_the_wish_for_a_reminder_gets_none(therapist, robin, time_machine):
    start(therapist, robin, wants_reminder=False)
    assert pass_at(time_machine, nz(MONDAY, 18), DIARY) == []
    assert not ReminderLog.objects.exists()


def test_a_client_who_opted_out_gets_no_diary_reminder_and_the_skip_says_why(
    therapist, robin, time_machine
):
    start(therapist, robin)
    with_email(therapist, robin, reminders=ReminderChannel.NONE)
    lines = pass_at(time_machine, nz(MONDAY, 18), DIARY)
    assert [(line.action, line.reason) for line in lines] == [
        (SKIPPED, "the client chose no reminders")
    ]
    assert ReminderLog.objects.get(kind=DIARY).outcome == Outcome.SKIPPED


def test_a_client_with_neither_a_login_nor_a_working_link_gets_no_reminder(
    therapist, robin, time_machine
):
    plan = start(therapist, robin)
    diary.revoke_diary_link(therapist, plan)
    lines = pass_at(time_machine, nz(MONDAY, 18), DIARY)
    assert [(line.action, line.reason) for line in lines] == [(SKIPPED, NO_WAY_IN)]


def test_a_diary_time_in_quiet_hours_waits_for_them_to_end_in_the_client_time_zone(
    therapist, robin, time_machine, settings
):
    settings.DIARY_REMINDER_TIME = dt.time(6, 0)
    start(therapist, robin)
    night = pass_at(time_machine, nz(TUESDAY, 6), DIARY)
    morning = pass_at(time_machine, nz(TUESDAY, 8), DIARY)
    assert [(line.action, line.at) for line in night] == [(WAITS, nz(TUESDAY, 8))]
    assert [line.action for line in morning] == [SENT]


def test_a_reminder_the_pass_reaches_only_at_night_is_skipped_not_sent_the_next_day(
    therapist, robin, time_machine
):
    start(therapist, robin)
    night = pass_at(time_machine, nz(MONDAY, 22), DIARY)
    assert [line.action for line in night] == [SKIPPED]
    assert "quiet hours (21:00-08:00, Pacific/Auckland)" in night[0].reason
    morning = pass_at(time_machine, nz(TUESDAY, 8), DIARY)
    assert [line.action for line in morning] == [WAITS]  # Tuesday's, at 18:00
    assert not diary_messages().exists()


def test_two_passes_send_one_reminder_a_due_day(therapist, robin, time_machine):
    start(therapist, robin)
    time_machine.move_to(nz(MONDAY, 18), tick=False)
    decision = next(d for d in rules.decide(nz(MONDAY, 18)) if d.kind == DIARY)
    first = reminders._send(decision, nz(MONDAY, 18))
    second = reminders._send(decision, nz(MONDAY, 18))
    later = pass_at(time_machine, nz(MONDAY, 18, 15), DIARY)
    assert (first.action, second.action, later) == (SENT, ALREADY, [])
    assert diary_messages().count() == 1
    assert ReminderLog.objects.filter(kind=DIARY, outcome=Outcome.SENT).count() == 1
