import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments import tokens
from msrelief.instruments.models import Administration
from msrelief.notifications.models import Delivery, Message
from msrelief.testing import assign


def test_assigning_stores_only_the_hash_of_an_unguessable_token(ms_client, therapist):
    administration, token = assign(therapist, ms_client)
    assert len(token) >= 43
    assert administration.token_hash == tokens.hash_token(token)
    assert token not in str(Administration.objects.values())
    assert administration.instrument_version == "1.0"


def test_the_link_is_emailed_to_the_client_after_commit_and_not_kept_once_sent(
    ms_client, therapist, django_capture_on_commit_callbacks
):
    from msrelief.clients import services

    services.update_client(therapist, ms_client, email="robin@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        _, token = assign(therapist, ms_client, email_client=True)
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert mail.outbox[0].to == ["robin@example.test"]
    assert token in mail.outbox[0].body
    message = Message.objects.get()
    assert message.status == Delivery.SENT
    assert token not in message.body_text + message.body_html


def test_a_mail_outage_still_gives_the_therapist_the_link_and_queues_the_email(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    from msrelief.clients import services

    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    services.update_client(therapist, ms_client, email="robin@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        administration, token = assign(therapist, ms_client, email_client=True)
    assert administration.pk and token
    message = Message.objects.get()
    assert message.status == Delivery.QUEUED and message.attempts == 1


def test_emailing_a_client_without_an_address_is_refused_and_nothing_is_saved(ms_client, therapist):
    with pytest.raises(ValidationError) as error:
        assign(therapist, ms_client, email_client=True)
    assert "email_client" in error.value.message_dict
    assert not Administration.objects.exists()


def test_an_unknown_instrument_is_named_in_the_error(ms_client, therapist):
    with pytest.raises(ValidationError, match="no instrument 'nope'"):
        assign(therapist, ms_client, "nope")


def test_a_start_date_in_the_past_is_refused(ms_client, therapist):
    with pytest.raises(ValidationError):
        assign(therapist, ms_client, available_from=dt.date(2020, 1, 1))


def test_an_outsider_cannot_assign_to_another_clinics_client(ms_client, outsider):
    with pytest.raises(Http404):
        assign(outsider, ms_client)


def test_assigning_is_audited_without_the_token(ms_client, therapist):
    _, token = assign(therapist, ms_client)
    event = AuditEvent.objects.get(object_type="instruments.administration")
    assert event.changes["instrument"] == "phq9@1.0"
    assert token not in str(event.changes)


def test_a_start_date_past_the_scheduling_horizon_is_refused_before_the_expiry_is_computed(
    ms_client, therapist
):
    with pytest.raises(ValidationError) as refused:
        assign(therapist, ms_client, available_from=dt.date(9999, 12, 31))
    assert refused.value.message_dict == {
        "available_from": ["The start date can be at most 365 days from today."]
    }
    assert not Administration.objects.exists()
