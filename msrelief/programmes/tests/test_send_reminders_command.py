"""``msrelief send-reminders``: one line per reminder sent, would-be sent, skipped or waiting;
a dry run writes nothing; a bad --at is one line and exit status 1."""

import datetime as dt
import subprocess
import sys

import pytest
from django.core.management import call_command

from msrelief.notifications.models import Message
from msrelief.programmes import services
from msrelief.programmes.models import ReminderLog
from msrelief.programmes.tests.reminders_setup import MONDAY, enrol_from_monday, nz, with_email

SUNDAY = MONDAY - dt.timedelta(days=1)


@pytest.fixture
def enrolment(therapist, ms_client, time_machine):
    time_machine.move_to(nz(SUNDAY, 7), tick=False)
    robin = with_email(therapist, ms_client, time_zone="Pacific/Auckland")
    return enrol_from_monday(therapist, robin)


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue().splitlines()


def test_a_dry_run_lists_what_it_would_send_and_skip_and_writes_nothing(enrolment, therapist):
    thursday = enrolment.sessions.get(starts_at=nz(MONDAY + dt.timedelta(days=3), 10))
    services.record_session_status(therapist, thursday, "cancelled", cancelled_by="client")
    lines = run("--dry-run", "--at", "2026-03-04T12:00")
    would = [line for line in lines if "  would send  " in line]
    skipped = [line for line in lines if "  skipped  " in line]
    assert any("client #" in line and "Questionnaire open" in line for line in would)
    assert any("therapist #" in line and "Overdue measure" in line for line in would), lines
    assert any("Session reminder" in line and "cancelled" in line for line in skipped), lines
    assert all(line.startswith("2026-03-04 12:00 Pacific/Auckland") for line in would), would
    assert lines[-1].startswith("Dry run, nothing sent or written:")
    assert not Message.objects.exists() and not ReminderLog.objects.exists()


def test_a_dry_run_lists_the_diary_reminder_due_at_the_diary_time(enrolment, therapist):
    from msrelief.instruments.diary import services as diary

    diary.start_diary(therapist, enrolment.client, "daily", wants_reminder=True)
    lines = run("--dry-run", "--at", "2026-03-01T18:00")
    assert (
        "2026-03-01 18:00 Pacific/Auckland  would send  client #"
        f"{enrolment.client.pk:<6}  Symptom diary reminder: daily symptom diary due on "
        "Sunday 1 March 2026 at 18:00"
    ) in lines, lines
    assert not Message.objects.exists() and not ReminderLog.objects.exists()


def test_a_real_pass_prints_each_reminder_sent_with_its_recipient_kind_and_reason(enrolment):
    lines = run("--at", "2026-03-01T10:00")
    assert any(
        "sent" in line and "client #" in line and "session on Monday 2 March 2026" in line
        for line in lines
    ), lines
    assert ReminderLog.objects.filter(outcome="sent").count() == 1


def test_a_bad_at_is_one_line_and_exit_status_1(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "msrelief.cli", "send-reminders", "--at", "next tuesday"],
        capture_output=True,
        text=True,
        env={"MSRELIEF_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: --at 'next tuesday' is not an ISO date-time: write it as "
        "2026-03-02T09:30 (optionally with an offset, such as +00:00)"
    ]


def test_schedule_says_the_immediate_backend_cannot_run_the_pass_later(db):
    assert run("--schedule") == [
        "This task backend cannot run tasks later; use a timer (docs/operations.md)."
    ]
