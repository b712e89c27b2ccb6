from django.core import mail
from django.core.management import call_command

from msrelief.notifications import services
from msrelief.notifications.models import Delivery, Kind, Message


def queue(clinic):
    context = {"clinic_name": clinic.name, "signal": "phq9-item9-positive", "url": "https://x/"}
    return services.queue_email(Kind.SAFETY_ALERT, "tess@harbour.test", context, clinic=clinic)


def test_send_queued_sends_what_is_due_and_counts_it(clinic, capsys):
    queue(clinic)
    queue(clinic)
    call_command("send_queued")
    assert "2 sent, 0 to retry, 0 not delivered" in capsys.readouterr().out
    assert len(mail.outbox) == 2
    assert set(Message.objects.values_list("status", flat=True)) == {Delivery.SENT}


def test_send_queued_says_when_each_failed_message_is_tried_next(clinic, settings, capsys):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    message = queue(clinic)
    call_command("send_queued")
    out = capsys.readouterr().out
    assert f"message #{message.pk}: not sent (ConnectionRefusedError" in out
    assert "next try" in out
    assert "0 sent, 1 to retry" in out
