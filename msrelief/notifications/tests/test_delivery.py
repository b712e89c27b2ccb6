import datetime as dt

from django.core import mail

from msrelief.notifications import delivery, services
from msrelief.notifications.models import Delivery, DeliveryAttempt, Kind, Message

REFUSING = "msrelief.notifications.testing.RefusingEmailBackend"


def queue(clinic, **extra):
    context = {"clinic_name": clinic.name, "signal": "phq9-item9-positive", "url": "https://x/"}
    return services.queue_email(Kind.SAFETY_ALERT, "tess@harbour.test", context, clinic=clinic)


def test_a_queued_message_is_rendered_from_its_template_files(clinic):
    message = queue(clinic)
    assert message.subject == "msrelief: a safety signal needs your attention now"
    assert "https://x/" in message.body_text
    assert '<a href="https://x/">' in message.body_html
    assert message.status == Delivery.QUEUED


def test_nothing_is_sent_before_the_transaction_commits(clinic, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue(clinic)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_due_message_is_sent_with_its_html_part_and_the_try_is_recorded(clinic):
    message = queue(clinic)
    outcome = delivery.attempt(message.pk)
    message.refresh_from_db()
    assert outcome.state == "sent"
    assert message.status == Delivery.SENT and message.sent_at is not None
    assert mail.outbox[0].alternatives[0].mimetype == "text/html"
    assert DeliveryAttempt.objects.get().succeeded


def test_each_failure_waits_longer_and_the_last_marks_it_not_delivered(clinic, settings):
    settings.EMAIL_BACKEND = REFUSING
    message = queue(clinic)
    now = message.next_attempt_at
    waits = []
    for _ in range(delivery.MAX_ATTEMPTS):
        outcome = delivery.attempt(message.pk, now)
        if outcome.retry_at:
            waits.append(outcome.retry_at - now)
            now = outcome.retry_at
    message.refresh_from_db()
    assert waits == list(delivery.BACKOFF)
    assert message.status == Delivery.FAILED
    assert message.attempts == delivery.MAX_ATTEMPTS
    assert DeliveryAttempt.objects.filter(succeeded=False).count() == delivery.MAX_ATTEMPTS
    assert "Connection refused" in message.last_error


def test_a_message_is_not_tried_again_before_its_back_off_has_passed(clinic, settings):
    settings.EMAIL_BACKEND = REFUSING
    message = queue(clinic)
    first = delivery.attempt(message.pk)
    early = first.retry_at - dt.timedelta(seconds=1)
    assert delivery.attempt(message.pk, early).state == "skipped"
    assert delivery.due(early) == []
    assert delivery.due(first.retry_at) == [message.pk]


def test_a_message_claimed_by_a_worker_is_not_sent_twice(clinic):
    message = queue(clinic)
    claimed = delivery._claim(message.pk, message.next_attempt_at)
    assert claimed is not None
    assert delivery.attempt(message.pk, message.next_attempt_at).state == "skipped"
    assert mail.outbox == []


def test_a_claim_left_by_a_worker_that_died_expires_and_the_message_is_sent(clinic):
    message = queue(clinic)
    delivery._claim(message.pk, message.next_attempt_at)
    later = message.next_attempt_at + delivery.CLAIM
    assert delivery.attempt(message.pk, later).state == "sent"


def test_a_sent_message_holding_a_private_link_keeps_no_copy_of_it(clinic):
    message = services.queue_email(
        Kind.QUESTIONNAIRE_LINK,
        "robin@example.test",
        {
            "clinic_name": clinic.name,
            "title": "PHQ-9",
            "url": "https://x/q/SECRET/",
            "expires": dt.datetime(2026, 12, 15, tzinfo=dt.UTC),
        },
        clinic=clinic,
    )
    delivery.attempt(message.pk)
    message.refresh_from_db()
    assert "SECRET" in mail.outbox[0].body
    assert "SECRET" not in message.body_text + message.body_html
    assert Message.objects.get().subject == f"A questionnaire from {clinic.name}"
