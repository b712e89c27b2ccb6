"""The client record's cached parts (msrelief/clients/record_cache.py): a change made through
each write path shows on the next view at once, what the audit trail does not see is drawn on
every request, and one viewer's or one clinic's parts never reach another."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from msrelief.clients import history_services, services
from msrelief.clients.consent import CURRENT_VERSION
from msrelief.instruments import services as instruments
from msrelief.instruments.diary import services as diary
from msrelief.notifications.models import Delivery, Kind, Message
from msrelief.privacy import services as privacy
from msrelief.programmes import services as programmes
from msrelief.programmes.reminders.models import ReminderLog
from msrelief.programmes.tests.factories import enrol, make_template, today, todays_session
from msrelief.testing import PHQ9_ALL_ZERO, make_client_record


def record(browser, person):
    response = browser.get(reverse("clients-detail", args=[person.pk]))
    assert response.status_code == 200
    return response.text


@pytest.fixture
def seen(client, therapist, ms_client):
    """Tess has opened Robin's record once, so its parts are cached."""
    client.force_login(therapist)
    record(client, ms_client)
    return client


def test_a_new_response_that_raises_a_safety_flag_shows_at_once(seen, therapist, ms_client):
    assert "Safety flag: needs your attention" not in record(seen, ms_client)
    instruments.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 1})
    assert "Safety flag: needs your attention" in record(seen, ms_client)


def test_an_acknowledged_then_resolved_flag_changes_the_record_at_once(seen, therapist, ms_client):
    response = instruments.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 1})
    flag = response.safety_flags.get()
    record(seen, ms_client)
    instruments.acknowledge_flag(therapist, flag, "Phoned her at once")
    text = record(seen, ms_client)
    assert "acknowledged, not yet resolved" in text and "Phoned her at once" in text
    instruments.resolve_flag(therapist, flag, "Seen by her GP")
    text = record(seen, ms_client)
    assert "not yet resolved" not in text and "Resolved safety flags (1)" in text


def test_a_consent_a_relapse_and_an_edit_of_the_record_show_at_once(seen, therapist, ms_client):
    services.record_consent(
        therapist, ms_client, text_version=CURRENT_VERSION, consented_on=dt.date(2026, 2, 1)
    )
    assert record(seen, ms_client).count("recorded by") == 2
    history_services.add_entry(therapist, ms_client, "relapse", {"onset": dt.date(2025, 11, 3)})
    assert "Began 3 Nov 2025" in record(seen, ms_client)
    services.update_client(therapist, ms_client, display_name="Robin Renamed")
    assert "<h1>Robin Renamed</h1>" in record(seen, ms_client)


def test_an_enrolment_and_a_session_attended_show_at_once(seen, therapist, ms_client):
    template = make_template()
    enrolment = enrol(therapist, ms_client, template, start=today() - dt.timedelta(days=14))
    text = record(seen, ms_client)
    assert template.title in text and "Not enrolled in a programme" not in text
    past = enrolment.sessions.filter(starts_at__lt=todays_session(enrolment).starts_at).first()
    programmes.record_session_status(therapist, past, "attended")
    assert "1 of " in record(seen, ms_client)


def test_a_diary_check_in_by_the_clients_own_link_shows_at_once(seen, therapist, ms_client):
    plan, _ = diary.start_diary(therapist, ms_client, "daily")
    assert "No entries yet." in record(seen, ms_client)
    diary.check_in(plan, {"nrs-pain": 2.0}, None, "link")
    assert "No entries yet." not in record(seen, ms_client)


def test_restricting_processing_and_a_legal_hold_show_at_once(
    client, clinic_admin, therapist, ms_client
):
    client.force_login(clinic_admin)
    assert "Processing is not restricted." in record(client, ms_client)
    privacy.restrict_processing(clinic_admin, ms_client)
    assert "<strong>Processing is restricted</strong>" in record(client, ms_client)
    privacy.place_legal_hold(clinic_admin, ms_client, "A complaint is open")
    assert "<strong>On legal hold</strong>" in record(client, ms_client)


def test_an_email_reminder_the_outbox_gave_up_on_shows_at_once_though_nothing_is_audited(
    seen, ms_client
):
    message = Message.objects.create(
        kind=Kind.SESSION_REMINDER,
        to_address="robin@example.test",
        subject="Your session",
        body_text="See you soon.",
        clinic=ms_client.clinic,
    )
    ReminderLog.objects.create(
        client=ms_client, kind="session", about_key="session:1", outcome="sent", message=message
    )
    assert "(email not delivered)" not in record(seen, ms_client)
    Message.objects.filter(pk=message.pk).update(status=Delivery.FAILED)  # as the worker does
    assert "(email not delivered)" in record(seen, ms_client)


def test_a_colleague_after_the_responsible_therapist_gets_no_delete_link(
    seen, colleague, ms_client
):
    assert "Delete this client" in record(seen, ms_client)
    other = Browser()
    other.force_login(colleague)
    assert "Delete this client" not in record(other, ms_client)


def test_the_clinic_admins_links_never_reach_a_therapist_and_back(
    client, clinic_admin, therapist, ms_client
):
    client.force_login(clinic_admin)
    assert "Place a legal hold" in record(client, ms_client)
    client.force_login(therapist)
    assert "Place a legal hold" not in record(client, ms_client)
    client.force_login(clinic_admin)
    assert "Place a legal hold" in record(client, ms_client)


def test_another_clinics_record_with_the_same_data_version_shows_only_its_own_client(
    seen, outsider, ms_client
):
    theirs = make_client_record(outsider, display_name="Sam Elsewhere")
    other = Browser()
    other.force_login(outsider)
    text = record(other, theirs)
    assert "Sam Elsewhere" in text and ms_client.display_name not in text
    assert other.get(reverse("clients-detail", args=[ms_client.pk])).status_code == 404


def test_each_view_is_audited_and_no_store_even_when_drawn_from_the_cache(seen, ms_client):
    from msrelief.audit.models import AuditEvent

    before = AuditEvent.objects.filter(event="client.viewed").count()
    response = seen.get(reverse("clients-detail", args=[ms_client.pk]))
    assert AuditEvent.objects.filter(event="client.viewed").count() == before + 1
    assert "no-store" in response["Cache-Control"]


def test_the_forms_carry_the_token_of_each_viewers_own_session(therapist, colleague, ms_client):
    first, second = Browser(enforce_csrf_checks=True), Browser(enforce_csrf_checks=True)
    first.force_login(therapist)
    record(first, ms_client)
    second.force_login(colleague)
    text = record(second, ms_client)
    assert "csrf-token-of-the-request" not in text
    form = text.index(reverse("privacy-restriction", args=[ms_client.pk]))
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"').search(text, form)
    url = reverse("privacy-restriction", args=[ms_client.pk])
    sent = second.post(url, {"action": "restrict", "csrfmiddlewaretoken": token.group(1)})
    assert sent.status_code == 302


def test_the_falls_of_the_last_twelve_months_are_counted_again_on_a_new_day(
    client, therapist, ms_client
):
    midnight = dt.datetime.combine(
        timezone.localdate() + dt.timedelta(days=1),
        dt.time(0),
        tzinfo=timezone.get_current_timezone(),
    )
    fell_on = midnight.date() - dt.timedelta(days=365)  # in the last year until midnight
    history_services.add_entry(therapist, ms_client, "fall", {"on": fell_on})
    with time_machine.travel(midnight - dt.timedelta(seconds=30), tick=False) as clock:
        client.force_login(therapist)
        assert "Falls in the last 12 months: <strong>1</strong>" in record(client, ms_client)
        clock.move_to(midnight + dt.timedelta(seconds=30))
        assert "Falls in the last 12 months: <strong>0</strong>" in record(client, ms_client)
