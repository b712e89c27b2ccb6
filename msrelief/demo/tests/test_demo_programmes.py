import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from msrelief.instruments.models import SafetyFlag
from msrelief.programmes.models import (
    AdverseEvent,
    Enrolment,
    PlannedSession,
    SessionNote,
    SessionRating,
)


def sessions_of(name):
    return PlannedSession.objects.filter(enrolment__client__display_name=name)


def test_demo_clients_are_enrolled_in_the_naderi_and_gaballah_programmes(demo):
    enrolled = dict(Enrolment.objects.values_list("client__display_name", "template__key"))
    assert enrolled["Ana Demo-Rowan"] == "naderi2024-massage"  # heat sensitive
    assert enrolled["D. Demo-Okafor"] == "gaballah2023-effleurage"  # relapse ten days ago
    assert set(enrolled.values()) == {"naderi2024-massage", "gaballah2023-effleurage"}


def test_the_demo_has_weeks_of_past_sessions_attended_cancelled_and_missed(demo):
    today = timezone.localdate()
    past = PlannedSession.objects.filter(starts_at__lt=timezone.now())
    assert min(s.local_date for s in past) <= today - dt.timedelta(weeks=3)
    statuses = set(past.values_list("status", "cancelled_by"))
    assert {("attended", ""), ("no_show", ""), ("cancelled", "client")} <= statuses
    attended = past.filter(status="attended")
    assert SessionNote.objects.filter(signed_at__isnull=False).count() == attended.count()
    assert SessionRating.objects.filter(phase="pre").count() == 3 * attended.count()
    assert SessionRating.objects.filter(phase="post").count() == 3 * attended.count()


def test_the_client_with_a_relapse_ten_days_ago_has_a_session_today(demo):
    today = timezone.localdate()
    okafor = list(sessions_of("D. Demo-Okafor"))
    assert any(s.local_date == today and s.status == "planned" for s in okafor)
    since_relapse = [s for s in okafor if today - dt.timedelta(days=10) <= s.local_date < today]
    assert since_relapse and all(s.status == "cancelled" for s in since_relapse)


def test_the_demo_has_one_adverse_event_with_its_safety_flag(demo):
    event = AdverseEvent.objects.get()
    assert event.client.display_name == "B. Demo-Hale" and event.session is not None
    assert SafetyFlag.objects.get(source_kind="adverse_event") == event.flag


def test_loading_the_demo_again_adds_no_programme_rows(demo):
    counts = [m.objects.count() for m in (Enrolment, PlannedSession, SessionNote, AdverseEvent)]
    call_command("load_demo", stdout=StringIO())
    assert [
        m.objects.count() for m in (Enrolment, PlannedSession, SessionNote, AdverseEvent)
    ] == counts
