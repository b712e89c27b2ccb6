"""The password backend (``AUTHENTICATION_BACKENDS``): Django's ``ModelBackend``, with the user
of a signed-in session read by a prepared lookup (msrelief/core/prepared.py).

Django reads the user behind a session on every signed-in request; compiling
``User.objects.get(pk=...)`` anew each time was a tenth of a cached page's time. The rule is
Django's: a user who is not found, or who may not sign in (``is_active`` false), is nobody.

The same query tells whether the user has a second factor (a confirmed authenticator app or
passkey, as ``signin_services.has_second_factor`` counts them), which the sign-in middleware
asks on every page of a login that has not given one: :func:`second_factor_when_loaded`.

Most often the user has already been read, with their session (msrelief/accounts/sessions.py),
and is offered here for the rest of the request: :meth:`PasswordBackend.get_user` takes the
offer once, and only for the id it is asked for. Every session load replaces the offer (with
no one, for a visitor's or an unknown session), every request starts with none, and Django
reads the session before it asks for its user, so the offer taken is always the one read in the
same request.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.signals import request_started
from django.db.models import Exists, OuterRef
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from msrelief.accounts.models import User
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup


def second_factor_columns(user: str) -> dict[str, Exists]:
    """Whether the login whose id is the outer query's ``user`` has a confirmed authenticator
    app and a confirmed passkey, as annotations (read by :func:`second_factor_when_loaded`)."""
    return {
        "msrelief_has_app": Exists(TOTPDevice.objects.filter(user=OuterRef(user), confirmed=True)),
        "msrelief_has_passkey": Exists(
            WebAuthnCredential.objects.filter(user=OuterRef(user), confirmed=True)
        ),
    }


BY_ID = PreparedLookup(
    User,
    lambda pk: User.objects.filter(pk=pk).annotate(**second_factor_columns("pk")).order_by()[:1],
    marker=INTEGER_MARKER,
)

_OFFERED: ContextVar[User | None] = ContextVar("msrelief_offered_user", default=None)


def offer_loaded_user(user: User | None) -> None:
    """Offer the login just read with the request's session (or no one) to :meth:`get_user`."""
    _OFFERED.set(user)


@receiver(request_started)
def withdraw_offer(**kwargs: Any) -> None:
    """No offer outlives the request whose session made it: each request starts with none."""
    _OFFERED.set(None)


def _take_offer(pk: int) -> User | None:
    offered = _OFFERED.get()
    if offered is None or offered.pk != pk:
        return None
    _OFFERED.set(None)
    return offered


def second_factor_when_loaded(user: object) -> bool | None:
    """Whether ``user`` had a second factor when this backend loaded them at the start of this
    request, or None if they were loaded another way (then ask the database)."""
    app = getattr(user, "msrelief_has_app", None)
    passkey = getattr(user, "msrelief_has_passkey", None)
    if app is None or passkey is None:
        return None
    return bool(app or passkey)


class PasswordBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        user = _take_offer(pk) or BY_ID.first(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
