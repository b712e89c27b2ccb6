import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments.models import SafetyFlag
from msrelief.notifications.models import Message
from msrelief.programmes import services
from msrelief.programmes.models import AdverseEvent
from msrelief.programmes.tests.factories import today


def report(**fields):
    values = {
        "occurred_on": today(),
        "kind": "dizziness",
        "severity": "moderate",
        "action_taken": "Sat her up slowly, water, stayed 20 minutes.",
    }
    values.update(fields)
    return services.Report(**values)


def test_an_adverse_event_raises_a_safety_flag_and_emails_the_responsible_therapist(
    session, colleague, therapist, django_capture_on_commit_callbacks
):
    client = session.enrolment.client
    with django_capture_on_commit_callbacks(execute=True):
        event = services.record_adverse_event(colleague, client, report(), session)
    flag = SafetyFlag.objects.get()
    assert event.flag == flag and flag.source_kind == "adverse_event" and flag.client == client
    assert "Dizziness" in flag.message and flag.state == "new"
    message = Message.objects.get(kind="adverse_event_alert")
    assert message.to_address == therapist.email  # the client's therapist, not the recorder
    assert f"/safety-flags/{flag.pk}/" in message.body_text
    assert "Dizziness" not in message.body_text  # no health details in the email
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.filter(event="adverse_event.recorded").count() == 1
    assert AuditEvent.objects.filter(event="safety_flag.raised").count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "alien"}, "kind"),
        ({"severity": "terrible"}, "severity"),
        ({"action_taken": " "}, "action_taken"),
        ({"kind": "other", "description": ""}, "description"),
        ({"occurred_on": 1}, "occurred_on"),  # tomorrow
        ({"occurred_on": -1}, "occurred_on"),  # the day before the session
    ],
)
def test_a_bad_report_is_refused_naming_the_field_and_raises_nothing(
    session, therapist, fields, field
):
    if "occurred_on" in fields:  # days from today, counted when the test runs
        fields = {"occurred_on": today() + dt.timedelta(days=fields["occurred_on"])}
    with pytest.raises(ValidationError) as error:
        services.record_adverse_event(
            therapist, session.enrolment.client, report(**fields), session
        )
    assert field in error.value.message_dict
    assert not AdverseEvent.objects.exists() and not SafetyFlag.objects.exists()
    assert not Message.objects.exists()


def test_an_event_may_be_recorded_for_the_client_without_a_session(ms_client, therapist):
    event = services.record_adverse_event(therapist, ms_client, report(kind="fall"))
    assert event.session is None and event.flag is not None


def test_another_clients_session_is_refused(session, therapist):
    from msrelief.testing import make_client_record

    other = make_client_record(therapist, display_name="Sam")
    with pytest.raises(ValidationError, match="not one of this client's"):
        services.record_adverse_event(therapist, other, report(), session)


def test_an_outsider_gets_404(session, outsider):
    with pytest.raises(Http404):
        services.record_adverse_event(outsider, session.enrolment.client, report(), session)
