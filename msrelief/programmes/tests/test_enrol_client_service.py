import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.instruments.models import Administration
from msrelief.programmes import services
from msrelief.programmes.models import Enrolment, PlanChange, PlannedSession, ScheduledMeasure
from msrelief.programmes.tests.factories import enrol, make_template, plan, today
from msrelief.testing import make_client_record


def test_enrolling_plans_the_programmes_sessions_on_the_chosen_days_and_time(
    ms_client, therapist, template
):
    enrolment = enrol(therapist, ms_client, template)
    sessions = list(enrolment.sessions.all())
    assert len(sessions) == 12  # 2 a week for 6 weeks
    assert {s.local_date.isoweekday() for s in sessions} == {1, 4}
    assert all(s.minutes == 50 and s.status == "planned" for s in sessions)
    assert {timezone.localtime(s.starts_at).time() for s in sessions} == {dt.time(10)}
    assert enrolment.weeks == 6 and enrolment.minutes == 50


def test_the_questionnaires_are_scheduled_at_their_time_points_and_the_rest_say_why_not(
    ms_client, therapist, template
):
    start = today() + dt.timedelta(days=3)
    enrolment = enrol(therapist, ms_client, template, start=start)
    rows = {(m.time_point, m.instrument_code): m for m in enrolment.measures.all()}
    fss_end = rows[("end", "fss")]
    assert fss_end.due_on == start + dt.timedelta(weeks=6)
    assert fss_end.administration.available_from == fss_end.due_on
    assert rows[("baseline", "nrs-pain")].administration.available_from == start
    assert rows[("baseline", "nrs-pain")].substitute is True
    # a clinician-rated scale and a licensed questionnaire are listed, not sent
    assert rows[("baseline", "mas")].administration is None
    assert "therapist" in rows[("baseline", "mas")].not_sent_reason
    assert rows[("baseline", "psqi")].administration is None
    assert "licensed" in rows[("baseline", "psqi")].not_sent_reason
    assert Administration.objects.filter(client=ms_client).count() == 3


def test_a_time_point_already_past_opens_its_questionnaire_today(ms_client, therapist, template):
    enrolment = enrol(therapist, ms_client, template, start=today() - dt.timedelta(days=10))
    baseline = enrolment.measures.get(time_point="baseline", instrument_code="fss")
    assert baseline.due_on < today()
    assert baseline.administration.available_from == today()


def test_the_enrolment_is_audited_and_its_plan_is_the_first_entry_of_its_history(
    ms_client, therapist, template
):
    enrolment = enrol(therapist, ms_client, template)
    event = AuditEvent.objects.get(event="enrolment.created")
    assert event.client_ref == ms_client.pk and event.object_id == str(enrolment.pk)
    change = enrolment.changes.get()
    assert change.kind == PlanChange.Kind.PLANNED
    assert change.details == {"sessions": 12, "measures": 3}


def test_a_session_overlapping_another_of_the_same_therapist_is_refused_naming_its_day(
    ms_client, therapist, template
):
    enrol(therapist, ms_client, template)
    other = make_client_record(therapist, display_name="Sam Other")
    with pytest.raises(ValidationError) as error:
        enrol(therapist, other, template, session_time=dt.time(10, 30))
    message = error.value.message_dict["session_time"][0]
    first = PlannedSession.objects.order_by("starts_at").first()
    assert first.local_date.strftime("%B %Y") in message
    assert str(first.local_date.day) in message and "10:00" in message
    assert Enrolment.objects.count() == 1  # nothing of the second plan was saved
    assert PlannedSession.objects.count() == 12


def test_back_to_back_sessions_and_another_therapists_sessions_do_not_clash(
    ms_client, therapist, colleague, template
):
    enrol(therapist, ms_client, template)
    other = make_client_record(therapist, display_name="Sam Other")
    enrol(therapist, other, template, session_time=dt.time(10, 50))
    third = make_client_record(colleague, display_name="Kim Third")
    services.enrol_client(colleague, third, template, plan(colleague))
    assert Enrolment.objects.count() == 3


def test_the_weekdays_must_match_the_programmes_sessions_a_week(ms_client, therapist, template):
    with pytest.raises(ValidationError) as error:
        enrol(therapist, ms_client, template, weekdays=[1, 3, 5])
    assert "choose 2 days" in error.value.message_dict["weekdays"][0]
    assert not Enrolment.objects.exists()


def test_a_programme_without_reported_weeks_or_minutes_needs_them_from_the_therapist(
    ms_client, therapist
):
    template = make_template(key="unreported", weeks=None, minutes_per_session=None)
    with pytest.raises(ValidationError) as error:
        enrol(therapist, ms_client, template)
    assert "minutes" in error.value.message_dict
    enrolment = enrol(therapist, ms_client, template, minutes=40, weeks=3)
    assert enrolment.sessions.count() == 6 and enrolment.minutes == 40


def test_the_total_number_of_sessions_caps_the_plan(ms_client, therapist):
    template = make_template(key="seven", sessions_per_week=None, weeks=None, sessions_total=7)
    enrolment = enrol(therapist, ms_client, template, weekdays=[1, 3, 5], weeks=4)
    assert enrolment.sessions.count() == 7


@pytest.mark.parametrize(
    ("days", "message"), [(-400, "weeks ago"), (360, "more than 365 days from today")]
)
def test_a_start_date_too_far_back_or_ahead_is_refused(
    ms_client, therapist, template, days, message
):
    with pytest.raises(ValidationError) as error:
        enrol(therapist, ms_client, template, start=today() + dt.timedelta(days=days))
    assert message in error.value.message_dict["start_date"][0]


def test_the_therapist_must_be_staff_of_the_clients_clinic(
    ms_client, therapist, outsider, template
):
    with pytest.raises(ValidationError) as error:
        services.enrol_client(therapist, ms_client, template, plan(outsider))
    assert "therapist" in error.value.message_dict


def test_only_the_latest_version_of_a_template_can_be_enrolled_in(ms_client, therapist, template):
    from msrelief.programmes.models import ProgrammeTemplate

    ProgrammeTemplate.objects.create(key=template.key, version=2, title="v2", weeks=6)
    with pytest.raises(ValidationError) as error:
        enrol(therapist, ms_client, template)
    assert "Version 2" in error.value.message_dict["template"][0]


def test_an_outsider_gets_404_and_a_client_login_is_refused(
    ms_client, outsider, person_with_ms, template
):
    with pytest.raises(Http404):
        services.enrol_client(outsider, ms_client, template, plan(outsider))
    with pytest.raises(PermissionDenied):
        services.enrol_client(person_with_ms, ms_client, template, plan(person_with_ms))
    assert not Enrolment.objects.exists() and not ScheduledMeasure.objects.exists()


def test_another_clinics_own_template_cannot_be_used(ms_client, therapist, outsider):
    from msrelief.programmes.models import ProgrammeTemplate

    theirs = ProgrammeTemplate.objects.create(
        key="theirs", title="Theirs", clinic=outsider.clinic, weeks=2, sessions_per_week=1,
        minutes_per_session=30,
    )  # fmt: skip
    with pytest.raises(Http404):
        enrol(therapist, ms_client, theirs, weekdays=[1])
