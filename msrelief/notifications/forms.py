"""Django's password reset form, sending through the outbox."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.urls import reverse

from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.core.voice import HouseVoice
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind


class OutboxPasswordResetForm(HouseVoice, PasswordResetForm):
    """The reset email goes through the outbox (sent by the worker, retried if the mail
    server is down) and its link is built from the configured base URL, never from the
    request's Host header."""

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
