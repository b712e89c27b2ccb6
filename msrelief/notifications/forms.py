"""Django's password reset form, sending through the outbox."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts import signin_services
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.core.voice import HouseVoice
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind, Message


class OutboxPasswordResetForm(HouseVoice, PasswordResetForm):
    """The reset email goes through the outbox (sent by the worker, retried if the mail
    server is down) and its link is built from the configured base URL, never from the
    request's Host header. One login is sent at most settings.RESET_EMAILS_PER_HOUR of them in
    an hour; past that nothing is sent, and the page says what it always says (whether or not a
    login has that address), so that nobody learns more by asking again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        path = reverse(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        user = context["user"]
        if _sent_in_the_last_hour(user) >= settings.RESET_EMAILS_PER_HOUR:
            signin_services.record_throttled(user, "reset")
            return
        audit.record(
            None, Action.UPDATE, user, clinic=user.clinic, event="auth.password_reset_requested"
        )
        outbox.queue_email(
            Kind.PASSWORD_RESET,
            to_email,
            {"email": to_email, "url": settings.BASE_URL + path},
            clinic=user.clinic,
            about=user,
        )


def _sent_in_the_last_hour(user: Any) -> int:
    return Message.objects.filter(
        kind=Kind.PASSWORD_RESET,
        about_type=user._meta.label_lower,
        about_id=str(user.pk),
        created_at__gte=timezone.now() - timedelta(hours=1),
    ).count()
