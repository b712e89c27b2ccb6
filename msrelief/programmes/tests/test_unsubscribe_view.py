"""The unsubscribe page of a reminder email (/unsubscribe/<token>/): no sign-in; GET changes
nothing; POST stops (or restarts) reminders and is audited."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client, ReminderChannel
from msrelief.programmes.models import StaffOptOut
from msrelief.programmes.reminders.models import ReminderKind
from msrelief.programmes.tests.reminders_setup import (
    MONDAY,
    enrol_from_monday,
    nz,
    pass_at,
    with_email,
)

SUNDAY = MONDAY - dt.timedelta(days=1)


@pytest.fixture
def robin(therapist, ms_client, time_machine):
    time_machine.move_to(nz(SUNDAY, 7), tick=False)
    robin = with_email(therapist, ms_client, time_zone="Pacific/Auckland")
    enrol_from_monday(therapist, robin)
    return robin


def unsubscribe_path(email):
    return urlsplit(re.search(r"\S+/unsubscribe/\S+", email.body).group(0)).path


@pytest.fixture
def client_link(robin, time_machine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(SUNDAY, 10), ReminderKind.SESSION)
    return unsubscribe_path(next(m for m in mail.outbox if "session" in m.subject))


def test_opening_the_link_changes_nothing_and_offers_a_button(client, robin, client_link):
    page = client.get(client_link)
    assert page.status_code == 200
    assert "Reminders are on" in page.text and 'value="stop"' in page.text
    assert Client.objects.get(pk=robin.pk).reminders == ReminderChannel.EMAIL


def test_the_button_stops_reminders_without_signing_in_and_offers_to_start_again(
    client, robin, client_link
):
    page = client.post(client_link, {"choice": "stop"})
    assert page.status_code == 200
    assert "you will get no more reminders" in page.text and 'value="start"' in page.text
    assert Client.objects.get(pk=robin.pk).reminders == ReminderChannel.NONE
    assert AuditEvent.objects.filter(event="client.reminders_stopped").count() == 1
    client.post(client_link, {"choice": "start"})
    assert Client.objects.get(pk=robin.pk).reminders == ReminderChannel.EMAIL
    assert AuditEvent.objects.filter(event="client.reminders_restarted").count() == 1


def test_an_opted_out_client_gets_no_further_reminder(client, robin, client_link, time_machine):
    client.post(client_link, {"choice": "stop"})
    lines = pass_at(time_machine, nz(MONDAY + dt.timedelta(days=2), 10), ReminderKind.SESSION)
    assert [(line.action, line.reason) for line in lines] == [
        ("skipped", "the client chose no reminders")
    ]


def test_a_post_without_a_choice_names_the_problem_and_changes_nothing(client, robin, client_link):
    page = client.post(client_link, {"choice": "maybe"})
    assert page.status_code == 400 and "Choose one of the buttons" in page.text
    assert Client.objects.get(pk=robin.pk).reminders == ReminderChannel.EMAIL


@pytest.mark.parametrize("token", ["not-a-token", "x" * 500])
def test_an_unknown_or_overlong_token_is_not_found(client, db, token):
    assert client.get(f"/unsubscribe/{token}/").status_code == 404


def test_a_therapist_can_stop_overdue_measure_emails_from_their_link(
    client, robin, therapist, time_machine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(time_machine, nz(MONDAY + dt.timedelta(days=1), 8), ReminderKind.MEASURES_OVERDUE)
    link = unsubscribe_path(next(m for m in mail.outbox if therapist.email in m.to))
    client.post(link, {"choice": "stop"})
    assert StaffOptOut.objects.filter(user=therapist).exists()
    assert Client.objects.get(pk=robin.pk).reminders == ReminderChannel.EMAIL
