"""Logins, logouts and failed logins, from Django's auth signals, into the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from msrelief.audit import services
from msrelief.audit.models import Action

MAX_EMAIL = 254


@receiver(user_logged_in, dispatch_uid="msrelief-audit-login")
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    services.record(user, Action.VIEW, user, clinic=user.clinic, event="auth.login")


@receiver(user_logged_out, dispatch_uid="msrelief-audit-logout")
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None and user.is_authenticated:
        services.record(user, Action.VIEW, user, clinic=user.clinic, event="auth.logout")


@receiver(user_login_failed, dispatch_uid="msrelief-audit-login-failed")
def _login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    email = str(credentials.get("username") or "")[:MAX_EMAIL]
    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    services.record(
        None,
        Action.VIEW,
        user,
        clinic=getattr(user, "clinic", None),
        changes={"email": email},
        event="auth.login_failed",
    )
