"""The password backend (``AUTHENTICATION_BACKENDS``): Django's ``ModelBackend``, with the user
of a signed-in session read by a prepared lookup (msrelief/core/prepared.py).

Django reads the user behind a session on every signed-in request; compiling
``User.objects.get(pk=...)`` anew each time was a tenth of a cached page's time. The rule is
Django's: a user who is not found, or who may not sign in (``is_active`` false), is nobody.

The same query tells whether the user has a second factor (a confirmed authenticator app or
passkey, as ``signin_services.has_second_factor`` counts them), which the sign-in middleware
asks on every page of a login that has not given one: :func:`second_factor_when_loaded`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from msrelief.accounts.models import User
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup

BY_ID = PreparedLookup(
    User,
    lambda pk: (
        User.objects.filter(pk=pk)
        .annotate(
            msrelief_has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            msrelief_has_passkey=Exists(
                WebAuthnCredential.objects.filter(user=OuterRef("pk"), confirmed=True)
            ),
        )
        .order_by()[:1]
    ),
    marker=INTEGER_MARKER,
)


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
        user = BY_ID.first(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
