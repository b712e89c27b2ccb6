"""The reminder pass (programmes/reminders/services.run_pass) with a frozen clock: who gets
which reminder when, and who gets none."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core import mail

from msrelief.clients.models import ReminderChannel
from msrelief.instruments import services as measures
from msrelief.programmes import services
from msrelief.programmes.models import ReminderLog, ScheduledMeasure
from msrelief.programmes.reminders.models import Outcome, ReminderKind
from msrelief.programmes.reminders.services import SENT, SKIPPED, WAITS
from msrelief.programmes.tests.reminders_setup import (
    MONDAY,
    enrol_from_monday,
    nz,
    pass_at,
    with_email,
)

SESSION = ReminderKind.SESSION
SUNDAY = MONDAY - dt.timedelta(days=1)
THURSDAY = MONDAY + dt.timedelta(days=3)


@pytest.fixture
def robin(therapist, ms_client, time_machine):
    time_machine.move_to(nz(SUNDAY, 7), tick=False)
    return with_email(therapist, ms_client, time_zone="Pacific/Auckland")


@pytest.fixture
def enrolment(therapist, robin):
    return enrol_from_monday(therapist, robin)


def sent_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_a_session_reminder_goes_to_the_client_once_the_lead_time_before_the_session(
    enrolment, time_machine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert pass_at(time_machine, nz(SUNDAY, 9, 59), SESSION) == []
        lines = pass_at(time_machine, nz(SUNDAY, 10), SESSION)
        again = pass_at(time_machine, nz(SUNDAY, 10, 15), SESSION)
    assert [line.action for line in lines] == [SENT]
    assert lines[0].decision.recipient == "client"
    assert again == []
    emails = sent_to("robin@example.test")
    session_emails = [m for m in emails if "session" in m.subject]
    assert len(session_emails) == 1
    assert "Monday 2 March 2026 at 10:00" in session_emails[0].body
    log = ReminderLog.objects.get(kind=SESSION, outcome=Outcome.SENT)
    assert log.message is not None and log.client == enrolment.client


def test_a_cancelled_session_gets_no_reminder_and_the_skip_is_logged_with_its_reason(
    enrolment, therapist, time_machine
):
    thursday = enrolment.sessions.get(starts_at=nz(THURSDAY, 10))
    services.record_session_status(therapist, thursday, "cancelled", cancelled_by="client")
    lines = pass_at(time_machine, nz(THURSDAY - dt.timedelta(days=1), 12), SESSION)
    pass_at(time_machine, nz(THURSDAY - dt.timedelta(days=1), 12, 15), SESSION)
    assert [(line.action, line.decision.session) for line in lines] == [(SKIPPED, thursday)]
    assert "cancelled" in lines[0].reason
    skips = ReminderLog.objects.filter(session=thursday)
    assert [(log.outcome, "cancelled" in log.reason) for log in skips] == [(Outcome.SKIPPED, True)]


def test_a_moved_session_is_reminded_at_its_new_time_and_not_at_its_old_one(
    enrolment, therapist, time_machine
):
    thursday = enrolment.sessions.get(starts_at=nz(THURSDAY, 10))
    friday = THURSDAY + dt.timedelta(days=1)
    services.move_session(therapist, thursday, friday, dt.time(11, 0))
    assert pass_at(time_machine, nz(THURSDAY - dt.timedelta(days=1), 10, 30), SESSION) == []
    lines = pass_at(time_machine, nz(THURSDAY, 11), SESSION)
    assert [(line.action, line.decision.session) for line in lines] == [(SENT, thursday)]
    assert "Friday 6 March 2026 at 11:00" in lines[0].reason


def test_a_client_who_opted_out_or_has_no_email_address_gets_no_reminder(
    enrolment, therapist, robin, time_machine
):
    with_email(therapist, robin, reminders=ReminderChannel.NONE)
    opted_out = pass_at(time_machine, nz(SUNDAY, 10), SESSION)
    with_email(therapist, robin, reminders=ReminderChannel.EMAIL, email="")
    no_address = pass_at(time_machine, nz(SUNDAY, 10, 15), SESSION)
    assert [(line.action, line.reason) for line in opted_out + no_address] == [
        (SKIPPED, "the client chose no reminders"),
        (SKIPPED, "no email address"),
    ]
    assert not ReminderLog.objects.filter(outcome=Outcome.SENT).exists()


def test_a_reminder_due_in_quiet_hours_waits_for_them_to_end_in_the_client_time_zone(
    therapist, robin, time_machine
):
    enrolment = enrol_from_monday(therapist, robin, hour=7)
    early = pass_at(time_machine, nz(SUNDAY, 7, 30), SESSION)
    at_eight = pass_at(time_machine, nz(SUNDAY, 8), SESSION)
    assert [(line.action, line.at) for line in early] == [(WAITS, nz(SUNDAY, 8))]
    assert [line.action for line in at_eight] == [SENT]
    assert at_eight[0].decision.session == enrolment.sessions.first()


def test_a_session_whose_reminder_quiet_hours_would_push_past_its_start_is_skipped(
    therapist, robin, time_machine, settings
):
    settings.REMINDER_LEAD = dt.timedelta(hours=1)
    enrol_from_monday(therapist, robin, hour=7)
    lines = pass_at(time_machine, nz(MONDAY, 6, 15), SESSION)
    assert [line.action for line in lines] == [SKIPPED]
    assert "quiet hours" in lines[0].reason


def test_a_session_that_began_before_any_pass_could_remind_is_skipped_with_a_reason(
    enrolment, time_machine
):
    lines = pass_at(time_machine, nz(MONDAY, 10, 5), SESSION)
    assert [line.action for line in lines] == [SKIPPED]
    assert "began before a reminder could go" in lines[0].reason


def test_quiet_hours_are_read_in_the_client_zone_across_the_spring_change_in_london(
    therapist, robin, time_machine
):
    # London goes from GMT to BST at 01:00 UTC on 29 March 2026: 06:30 UTC is 07:30 there
    # (quiet), and 07:00 UTC is 08:00 (not). A UTC reading would keep 07:00 quiet.
    with_email(therapist, robin, time_zone="Europe/London")
    enrolment = enrol_from_monday(therapist, robin)
    utc = dt.UTC
    session = services.add_session(
        therapist, enrolment, dt.date(2026, 3, 30), dt.time(19, 0)
    )  # 06:00 UTC on Monday 30 March
    assert session.starts_at == dt.datetime(2026, 3, 30, 6, 0, tzinfo=utc)
    waiting = pass_at(time_machine, dt.datetime(2026, 3, 29, 6, 30, tzinfo=utc), SESSION)
    sent = pass_at(time_machine, dt.datetime(2026, 3, 29, 7, 0, tzinfo=utc), SESSION)
    assert [(line.action, line.at) for line in waiting] == [
        (WAITS, dt.datetime(2026, 3, 29, 7, 0, tzinfo=utc))
    ]
    assert [(line.action, line.decision.session) for line in sent] == [(SENT, session)]


def test_a_questionnaire_reminder_goes_on_its_opening_day_with_a_link_that_works(
    enrolment, time_machine, client, django_capture_on_commit_callbacks
):
    kind = ReminderKind.QUESTIONNAIRE_OPEN
    measure = ScheduledMeasure.objects.get(enrolment=enrolment)
    assert pass_at(time_machine, nz(SUNDAY, 20), kind) == []
    night = pass_at(time_machine, nz(MONDAY, 0, 5), kind)
    with django_capture_on_commit_callbacks(execute=True):
        morning = pass_at(time_machine, nz(MONDAY, 8), kind)
    assert [line.action for line in night] == [WAITS]
    assert [(line.action, line.decision.administration) for line in morning] == [
        (SENT, measure.administration)
    ]
    email = next(m for m in mail.outbox if "questionnaire" in m.subject)
    link = next(word for word in email.body.split() if "/q/" in word)
    assert client.get(urlsplit(link).path).status_code == 200


def test_a_nudge_goes_after_the_set_days_only_if_the_questionnaire_is_still_not_done(
    enrolment, therapist, robin, time_machine
):
    nudge = ReminderKind.QUESTIONNAIRE_NUDGE
    later = MONDAY + dt.timedelta(days=3)
    assert pass_at(time_machine, nz(later - dt.timedelta(days=1), 12), nudge) == []
    lines = pass_at(time_machine, nz(later, 8), nudge)
    assert [line.action for line in lines] == [SENT]
    second = enrol_second_questionnaire_done(therapist, robin)
    done = pass_at(time_machine, nz(later, 9), nudge)
    assert [(line.action, line.decision.administration) for line in done] == [(SKIPPED, second)]
    assert "already done" in done[0].reason


def enrol_second_questionnaire_done(therapist, robin):
    from msrelief.testing import PHQ9_ALL_ZERO

    administration, _ = measures.assign_instrument(
        therapist, robin, "phq9", available_from=MONDAY + dt.timedelta(days=3)
    )
    ScheduledMeasure.objects.create(
        enrolment=robin.enrolments.get(),
        time_point="baseline",
        week=0,
        due_on=MONDAY,
        instrument_code="phq9",
        administration=administration,
    )
    administration.available_from = MONDAY
    administration.save(update_fields=["available_from"])
    measures.save_draft(administration, PHQ9_ALL_ZERO, None)
    measures.submit_response(administration, None, "link")
    return administration


def test_a_cancelled_questionnaire_gets_no_reminder(enrolment, therapist, time_machine):
    measure = ScheduledMeasure.objects.get(enrolment=enrolment)
    measures.cancel_administration(therapist, measure.administration)
    lines = pass_at(time_machine, nz(MONDAY, 8), ReminderKind.QUESTIONNAIRE_OPEN)
    assert [(line.action, line.reason) for line in lines] == [(SKIPPED, "PHQ9 was cancelled")]


def test_the_therapist_gets_one_email_a_day_listing_overdue_measures_each_once(
    enrolment, therapist, time_machine, django_capture_on_commit_callbacks
):
    kind = ReminderKind.MEASURES_OVERDUE
    assert pass_at(time_machine, nz(MONDAY, 12), kind) == []
    with django_capture_on_commit_callbacks(execute=True):
        lines = pass_at(time_machine, nz(MONDAY + dt.timedelta(days=1), 8), kind)
        again = pass_at(time_machine, nz(MONDAY + dt.timedelta(days=2), 8), kind)
    assert [(line.action, line.decision.recipient) for line in lines] == [(SENT, "therapist")]
    assert again == []
    digest = sent_to(therapist.email)
    assert len(digest) == 1 and "PHQ9, due 2 March 2026" in digest[0].body
    assert "score" not in digest[0].body.lower()
