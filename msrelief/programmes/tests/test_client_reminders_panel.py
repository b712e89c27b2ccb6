"""The Reminders section of the client record: recent sends and skips with their reasons,
for the client's clinic only."""

import datetime as dt

from msrelief.programmes import services
from msrelief.programmes.reminders.models import ReminderKind
from msrelief.programmes.tests.reminders_setup import (
    MONDAY,
    enrol_from_monday,
    nz,
    pass_at,
    with_email,
)

SUNDAY = MONDAY - dt.timedelta(days=1)


def test_the_record_lists_each_reminder_sent_or_skipped_with_its_reason(
    client, therapist, ms_client, time_machine
):
    time_machine.move_to(nz(SUNDAY, 7), tick=False)
    robin = with_email(therapist, ms_client, time_zone="Pacific/Auckland")
    enrolment = enrol_from_monday(therapist, robin)
    thursday = enrolment.sessions.get(starts_at=nz(MONDAY + dt.timedelta(days=3), 10))
    services.record_session_status(therapist, thursday, "cancelled", cancelled_by="client")
    pass_at(time_machine, nz(SUNDAY, 10), ReminderKind.SESSION)
    pass_at(time_machine, nz(MONDAY + dt.timedelta(days=2), 12), ReminderKind.SESSION)
    client.force_login(therapist)
    page = client.get(f"/clients/{robin.pk}/").text
    assert "Reminders" in page and "By email, never at night in Pacific/Auckland time" in page
    assert "<strong>sent</strong>, session on Monday 2 March 2026 at 10:00" in page
    assert "<strong>not sent</strong>, the session on Thursday 5 March 2026" in page


def test_the_record_says_when_no_reminder_can_go_for_want_of_an_address(
    client, therapist, ms_client
):
    client.force_login(therapist)
    page = client.get(f"/clients/{ms_client.pk}/").text
    assert "No reminders can go: no email address is recorded." in page


def test_an_outsider_cannot_see_the_record_or_its_reminders(client, outsider, ms_client):
    client.force_login(outsider)
    assert client.get(f"/clients/{ms_client.pk}/").status_code == 404


def test_the_record_lists_the_diary_reminders_sent_and_skipped_with_their_reasons(
    client, therapist, ms_client, time_machine
):
    from msrelief.instruments.diary import services as diary

    time_machine.move_to(nz(MONDAY, 7), tick=False)
    robin = with_email(therapist, ms_client, time_zone="Pacific/Auckland")
    plan, _token = diary.start_diary(therapist, robin, "daily", wants_reminder=True)
    pass_at(time_machine, nz(MONDAY, 18), ReminderKind.DIARY)
    tuesday = MONDAY + dt.timedelta(days=1)
    diary.check_in(plan, {"nrs-sleep": 6.0}, None, "link", at=nz(tuesday, 9))
    pass_at(time_machine, nz(tuesday, 18), ReminderKind.DIARY)
    client.force_login(therapist)
    page = client.get(f"/clients/{robin.pk}/").text
    assert (
        "Symptom diary reminder — <strong>sent</strong>, daily symptom diary due on "
        "Monday 2 March 2026 at 18:00"
    ) in page
    assert (
        "Symptom diary reminder — <strong>not sent</strong>, the diary of 3 March 2026 is "
        "already filled in"
    ) in page
