"""Password reset emails per login (notifications/forms.py): at most
settings.RESET_EMAILS_PER_HOUR an hour; a request past that sends nothing and shows the same
page, so nobody learns whether an address has a login."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent

RESET = reverse("accounts-reset")


def ask(client, email="tess@harbour.test"):
    return client.post(RESET, {"email": email}, follow=True)


def test_twenty_requests_send_three_emails_and_every_answer_reads_the_same(
    client, therapist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = {ask(client).text for _ in range(20)}
    assert len(mail.outbox) == 3
    assert len(answers) == 1
    assert answers == {ask(client, "nobody@harbour.test").text}
    assert AuditEvent.objects.filter(event="auth.password_reset_requested").count() == 3
    assert AuditEvent.objects.filter(event="auth.throttled", changes__page="reset").count() == 17


def test_an_hour_later_a_reset_email_is_sent_again(
    client, therapist, django_capture_on_commit_callbacks
):
    start = timezone.now()
    with time_machine.travel(start, tick=False), django_capture_on_commit_callbacks(execute=True):
        for _ in range(4):
            ask(client)
    assert len(mail.outbox) == 3
    later = start + timedelta(minutes=61)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        ask(client)
    assert len(mail.outbox) == 4
