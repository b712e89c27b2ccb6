"""A queued reminder meets the outbox: a failed send is retried, never duplicated, and the
worker's last look before each try withdraws a reminder that is no longer true, or holds it
until quiet hours end (programmes/reminders/withdraw.py)."""

import datetime as dt

import pytest
from django.core import mail

from msrelief.clients.models import ReminderChannel
from msrelief.notifications import delivery
from msrelief.notifications.models import Delivery, Kind, Message
from msrelief.programmes import services
from msrelief.programmes.models import ReminderLog
from msrelief.programmes.reminders.models import Outcome, ReminderKind
from msrelief.programmes.tests.reminders_setup import (
    MONDAY,
    enrol_from_monday,
    nz,
    pass_at,
    with_email,
)

REFUSING = "msrelief.notifications.testing.RefusingEmailBackend"
SUNDAY = MONDAY - dt.timedelta(days=1)


@pytest.fixture
def enrolment(therapist, ms_client, time_machine):
    time_machine.move_to(nz(SUNDAY, 7), tick=False)
    robin = with_email(therapist, ms_client, time_zone="Pacific/Auckland")
    return enrol_from_monday(therapist, robin)


def session_message():
    return Message.objects.get(kind=Kind.SESSION_REMINDER)


def test_a_failed_send_is_retried_by_the_outbox_and_a_second_pass_queues_nothing_more(
    enrolment, time_machine, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(SUNDAY, 10), ReminderKind.SESSION)
    message = session_message()
    assert message.status == Delivery.QUEUED and message.attempts == 1
    pass_at(time_machine, nz(SUNDAY, 10, 15), ReminderKind.SESSION)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(message.next_attempt_at, tick=False)
    outcomes = delivery.deliver_due()
    assert [o.state for o in outcomes] == ["sent"]
    assert Message.objects.filter(kind=Kind.SESSION_REMINDER).count() == 1
    assert len([m for m in mail.outbox if "session" in m.subject]) == 1


def test_two_passes_deciding_at_once_send_one_reminder(enrolment, time_machine):
    from msrelief.programmes.reminders import rules
    from msrelief.programmes.reminders import services as reminders

    time_machine.move_to(nz(SUNDAY, 10), tick=False)
    decision = next(d for d in rules.decide(nz(SUNDAY, 10)) if d.kind == ReminderKind.SESSION)
    first = reminders._send(decision, nz(SUNDAY, 10))
    second = reminders._send(decision, nz(SUNDAY, 10))
    assert (first.action, second.action) == ("sent", "already")
    assert Message.objects.filter(kind=Kind.SESSION_REMINDER).count() == 1
    assert ReminderLog.objects.filter(outcome=Outcome.SENT).count() == 1


def test_a_reminder_of_a_session_cancelled_before_the_retry_is_withdrawn_not_sent(
    enrolment, therapist, time_machine, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(SUNDAY, 10), ReminderKind.SESSION)
    session = enrolment.sessions.first()
    services.record_session_status(therapist, session, "cancelled", cancelled_by="clinic")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = session_message()
    time_machine.move_to(message.next_attempt_at, tick=False)
    assert [o.state for o in delivery.deliver_due()] == ["withdrawn"]
    message.refresh_from_db()
    assert message.status == Delivery.WITHDRAWN and mail.outbox == []
    log = ReminderLog.objects.get(session=session)
    assert log.outcome == Outcome.WITHDRAWN and "cancelled" in log.reason


def test_a_reminder_of_a_client_who_opted_out_before_the_retry_is_withdrawn(
    enrolment, therapist, time_machine, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(SUNDAY, 10), ReminderKind.SESSION)
    with_email(therapist, enrolment.client, reminders=ReminderChannel.NONE)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(session_message().next_attempt_at, tick=False)
    assert [o.state for o in delivery.deliver_due()] == ["withdrawn"]
    assert mail.outbox == []


def test_a_retry_that_would_land_in_quiet_hours_waits_until_they_end(
    enrolment, time_machine, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(SUNDAY, 10), ReminderKind.SESSION)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(nz(SUNDAY, 22), tick=False)
    outcomes = delivery.deliver_due()
    assert [(o.state, o.retry_at) for o in outcomes] == [("deferred", nz(MONDAY, 8))]
    assert mail.outbox == []
    time_machine.move_to(nz(MONDAY, 8), tick=False)
    assert [o.state for o in delivery.deliver_due()] == ["sent"]
