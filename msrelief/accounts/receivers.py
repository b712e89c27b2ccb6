"""Sign-in signals: a fresh login starts the session's clocks, and django-axes' lockout is
audited (msrelief/accounts/lockout.py)."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from msrelief.accounts import lockout, signin_services
from msrelief.accounts.middleware import start_session
from msrelief.core.signin import mark_proven


@receiver(user_logged_in, dispatch_uid="msrelief-sign-in-clocks")
def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    start_session(request)
    # With an authenticator app, the sign-in is complete only once its code is given.
    if not signin_services.has_second_factor(user):
        mark_proven(request)
        lockout.clear_failures(user.email)


@receiver(user_locked_out, dispatch_uid="msrelief-audit-locked")
def _locked_out(sender: Any, request: Any, username: str, **kwargs: Any) -> None:
    lockout.on_locked_out(sender, request, username, **kwargs)
