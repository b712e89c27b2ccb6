"""The programme panels of pages that belong to lower apps: the client record (programmes,
adherence, adverse events) and the clinic dashboard (today's sessions, overdue questionnaires,
adherence by programme)."""

import datetime as dt

import pytest
from django.urls import reverse

from msrelief.instruments.models import Administration
from msrelief.instruments.services.assigning import cancel_administration
from msrelief.programmes import services
from msrelief.programmes.tests.factories import enrol, make_template, today
from msrelief.testing import audit_turn_queries, make_client_record


def test_the_client_record_lists_programmes_with_adherence_and_adverse_events(
    client, enrolment, session, therapist
):
    past = enrolment.sessions.filter(starts_at__lt=session.starts_at).first()
    services.record_session_status(therapist, past, "attended")
    services.record_adverse_event(
        therapist,
        enrolment.client,
        services.Report(today(), "soreness", "mild", "Advice given."),
        session,
    )
    client.force_login(therapist)
    text = client.get(reverse("clients-detail", args=[enrolment.client_id])).text
    assert enrolment.template.title in text
    assert reverse("programmes-enrol", args=[enrolment.client_id]) in text
    assert "1 of " in text and "sessions attended" in text
    assert "Soreness or more pain after the session" in text and "Advice given." in text


def test_the_dashboard_lists_todays_sessions_of_the_user_only(
    client, session, therapist, colleague
):
    client.force_login(therapist)
    text = client.get(reverse("clients-dashboard")).text
    assert reverse("programmes-session", args=[session.pk]) in text
    client.force_login(colleague)
    assert "No sessions today." in client.get(reverse("clients-dashboard")).text


def test_the_dashboard_lists_questionnaires_past_their_due_date(client, enrolment, therapist):
    measure = enrolment.measures.filter(administration__isnull=False, time_point="baseline").first()
    # the baseline was due two weeks ago (the enrolment started then)
    assert measure.due_on < today()
    client.force_login(therapist)
    text = client.get(reverse("clients-dashboard")).text
    assert "Overdue questionnaires" in text and "FSS due" in text
    # Cancelled through the service, as the clinic would: the cached panels follow at once.
    for administration in Administration.objects.filter(client=enrolment.client, status="pending"):
        cancel_administration(therapist, administration)
    assert "Overdue questionnaires" not in client.get(reverse("clients-dashboard")).text


def test_the_dashboard_adds_up_adherence_by_programme(client, therapist, template):
    for number in range(2):
        person = make_client_record(therapist, display_name=f"Client {number}")
        enrol(therapist, person, template, start=today() - dt.timedelta(days=15),
              session_time=dt.time(8 + 2 * number))  # fmt: skip
    client.force_login(therapist)
    text = client.get(reverse("clients-dashboard")).text
    assert "Adherence by programme" in text and f"{template.title}</strong>, 2 clients" in text


@pytest.mark.parametrize("rows", [2, 20])
def test_the_panels_make_the_same_few_queries_for_2_or_20_enrolments(
    client, therapist, django_assert_max_num_queries, rows
):
    template = make_template(weeks=1)
    start = today() - dt.timedelta(days=3)
    person = make_client_record(therapist, display_name="Many")
    for number in range(rows):
        hour, minute = divmod(6 * 60 + number * 50, 60)
        enrol(therapist, person, template, start=start, session_time=dt.time(hour, minute),
              weekdays=[start.isoweekday(), today().isoweekday()])  # fmt: skip
    client.force_login(therapist)
    # the page's 10 (instruments/tests/test_dashboard_view.py pins them) and the adherence
    # rows' two, which are read only when there are active enrolments
    with django_assert_max_num_queries(12):
        dashboard = client.get(reverse("clients-dashboard")).text
    assert dashboard.count("programmes/sessions/") >= rows
    # the record's own 20 (clients, with the symptom diary's one, the latest reminders, the
    # calendar feed, the legal hold and the data version), the panels, and the audit event's
    # chain turn
    with django_assert_max_num_queries(22 + audit_turn_queries()):
        record = client.get(reverse("clients-detail", args=[person.pk])).text
    assert record.count("programmes/enrolments/") == rows
