import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.instruments.models import (
    Administration,
    ImmutableError,
    Response,
    SafetyFlag,
    Status,
)
from msrelief.notifications import delivery
from msrelief.notifications.models import Delivery, Message
from msrelief.testing import PHQ9_ALL_ZERO, assign


def submit(administration, answers):
    services.save_draft(administration, answers, None)
    return services.submit_response(administration, None, "link")


def test_a_submitted_response_is_scored_with_its_versions(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    response = submit(administration, {**PHQ9_ALL_ZERO, "1": 3, "2": 2})
    score = response.scores.get()
    assert (score.total, score.missing, score.prorated) == (5.0, 0, False)
    assert response.instrument_version == "1.0"
    assert score.scoring_version.startswith("phq9@1.0/")
    administration.refresh_from_db()
    assert administration.status == Status.COMPLETED


def test_a_response_cannot_be_changed_after_submission(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    response = submit(administration, PHQ9_ALL_ZERO)
    response.answers = {"1": 3}
    with pytest.raises(ImmutableError):
        response.save()


def test_a_link_submits_once_only(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    submit(administration, PHQ9_ALL_ZERO)
    with pytest.raises(services.NotOpen, match="already been submitted"):
        services.submit_response(administration, None, "link")
    assert Response.objects.count() == 1


def test_the_same_form_sent_twice_returns_the_first_response_and_stores_one(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    first = services.submit_response(administration, None, "link", key="form-1")
    again = services.submit_response(administration, None, "link", key="form-1")
    assert again == first
    assert Response.objects.count() == 1
    with pytest.raises(services.NotOpen):
        services.submit_response(administration, None, "link", key="another-tab")


def test_a_stale_administration_cannot_submit_after_a_cancel(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    stale = Administration.objects.get(pk=administration.pk)
    services.cancel_administration(therapist, administration)
    with pytest.raises(services.NotOpen, match="cancelled"):
        services.submit_response(stale, None, "link")
    assert not Response.objects.exists()


def test_a_cancel_after_a_submission_is_refused_and_keeps_it_completed(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    stale = Administration.objects.get(pk=administration.pk)
    submit(administration, PHQ9_ALL_ZERO)
    with pytest.raises(ValidationError, match="not been submitted"):
        services.cancel_administration(therapist, stale)
    administration.refresh_from_db()
    assert administration.status == Status.COMPLETED


def test_an_expired_link_cannot_submit_even_from_a_page_loaded_before(
    ms_client, therapist, settings
):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    later = administration.token_expires_at + dt.timedelta(minutes=1)
    with time_machine.travel(later), pytest.raises(services.NotOpen, match="expired"):
        services.submit_response(administration, None, "link")


def test_with_the_mail_server_down_a_flag_is_still_raised_and_its_alert_is_retried(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    administration, _ = assign(therapist, ms_client)
    with django_capture_on_commit_callbacks(execute=True):
        submit(administration, {**PHQ9_ALL_ZERO, "9": 1})
    flag = SafetyFlag.objects.get()
    alert = Message.objects.get(about_id=str(flag.pk))
    assert (alert.status, alert.attempts) == (Delivery.QUEUED, 1)
    assert "Connection refused" in alert.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    delivery.deliver_due(now=alert.next_attempt_at)
    alert.refresh_from_db()
    assert alert.status == Delivery.SENT
    assert mail.outbox[0].to == [therapist.email]


def test_too_few_answers_for_a_score_are_stored_unscored_with_the_rule_that_applied(
    ms_client, therapist
):
    administration, _ = assign(therapist, ms_client)
    response = submit(administration, {"1": 1, "9": 0})
    score = response.scores.get()
    assert (score.total, score.band, score.missing) == (None, "", 7)
    (shortfall,) = score.shortfalls
    assert shortfall["score"] == "total" and shortfall["needed"] == 9
    assert shortfall["unanswered"] == ["2", "3", "4", "5", "6", "7", "8"]
    assert shortfall["rule"]
    administration.refresh_from_db()
    assert administration.status == "completed"


def test_a_blank_item_nine_raises_its_own_signal_and_emails_the_therapist(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    administration, _ = assign(therapist, ms_client)
    answers = {k: v for k, v in PHQ9_ALL_ZERO.items() if k != "9"}
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(administration, answers)
    flag = SafetyFlag.objects.get()
    assert (flag.response, flag.code) == (response, "phq9-item9-unanswered")
    assert "unanswered" in flag.message
    assert mail.outbox[0].to == [therapist.email]


def test_item_nine_above_zero_flags_the_response_and_emails_the_therapist(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    administration, _ = assign(therapist, ms_client)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(administration, {**PHQ9_ALL_ZERO, "9": 1})
    flag = SafetyFlag.objects.get()
    assert (flag.response, flag.code) == (response, "phq9-item9-positive")
    assert mail.outbox[0].to == [therapist.email]
    assert "needs your attention" in mail.outbox[0].subject
    assert "Robin" not in mail.outbox[0].body  # no health details by email
    assert AuditEvent.objects.filter(object_type="instruments.safetyflag").exists()


def test_item_nine_at_zero_raises_no_flag(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    submit(administration, PHQ9_ALL_ZERO)
    assert not SafetyFlag.objects.exists()


def test_a_form_with_no_answer_at_all_is_refused_and_stays_open(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    with pytest.raises(ValidationError, match="No question has been answered yet"):
        services.submit_response(administration, None, "link")
    administration.refresh_from_db()
    assert administration.status != "completed"
    assert not Response.objects.exists()
