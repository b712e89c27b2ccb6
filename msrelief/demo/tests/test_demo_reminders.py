"""The demo's reminders: right after load-demo, a dry run of send-reminders lists at least one
reminder and at least one skip with its reason, and Ana's diary reminder waiting for the diary
time."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

from django.core.management import call_command

from msrelief.notifications.models import Message
from msrelief.programmes.models import ReminderLog


def dry_run():
    out = StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    return out.getvalue().splitlines()


def test_a_dry_run_after_loading_the_demo_lists_reminders_and_skips_with_reasons(db, time_machine):
    noon = dt.datetime(2026, 3, 4, 12, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    time_machine.move_to(noon, tick=False)
    call_command("load_demo", stdout=StringIO())
    messages_before = Message.objects.count()
    lines = dry_run()
    would = [line for line in lines if "  would send  " in line]
    skipped = [line for line in lines if "  skipped  " in line]
    assert any("Session reminder: session on" in line for line in would), lines
    assert any("therapist #" in line and "Overdue measure" in line for line in would), lines
    assert any("no email address" in line for line in skipped), lines
    assert any("chose no reminders" in line for line in skipped), lines
    assert any("cancelled" in line for line in skipped), lines
    diary = [line for line in lines if "Symptom diary reminder: " in line]
    assert [
        ("  waits  " in line, "daily symptom diary is due at 18:00" in line) for line in diary
    ] == [(True, True)], lines
    assert not ReminderLog.objects.exists() and Message.objects.count() == messages_before
