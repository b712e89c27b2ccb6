from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.notifications import delivery, services
from msrelief.notifications.models import Delivery, Kind, Message


def failed_alert(clinic, settings):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    context = {"clinic_name": clinic.name, "signal": "phq9-item9-positive", "url": "https://x/"}
    message = services.queue_email(Kind.SAFETY_ALERT, "tess@harbour.test", context, clinic=clinic)
    delivery.attempt(message.pk)
    return message


def test_staff_see_their_clinics_undelivered_messages_with_the_error(
    client, therapist, clinic, settings
):
    failed_alert(clinic, settings)
    client.force_login(therapist)
    page = client.get(reverse("notifications-undelivered"))
    assert page.status_code == 200
    assert "Safety alert to the therapist" in page.text
    assert "Connection refused" in page.text


def test_an_outsider_sees_none_of_another_clinics_messages_and_cannot_resend_them(
    client, outsider, clinic, settings
):
    message = failed_alert(clinic, settings)
    client.force_login(outsider)
    assert "tess@harbour.test" not in client.get(reverse("notifications-undelivered")).text
    retry = client.post(reverse("notifications-retry", args=[message.pk]))
    assert retry.status_code == 404


def test_send_again_queues_the_message_now_and_is_audited(
    client, therapist, clinic, settings, django_capture_on_commit_callbacks
):
    message = failed_alert(clinic, settings)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(therapist)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(reverse("notifications-retry", args=[message.pk]), follow=True)
    assert "will be sent again now" in page.text
    assert Message.objects.get().status == Delivery.SENT
    assert AuditEvent.objects.filter(object_type="notifications.message").exists()


def test_a_visitor_is_sent_to_log_in(client, db):
    page = client.get(reverse("notifications-undelivered"))
    assert page.status_code == 302 and "login" in page.url
