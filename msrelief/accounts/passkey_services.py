"""Every change to a login's passkeys (WebAuthn, through django-otp-webauthn): adding one,
removing one, and the audit events of signing in with one (docs/security.md "Two factors").
The cryptography is the package's; these functions hold msrelief's rules around it."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp_webauthn.models import WebAuthnCredential

from msrelief.accounts.models import RecoveryCodeDevice, User
from msrelief.accounts.signin_services import (
    _record,
    has_app,
    may_use_two_factor,
    two_factor_required,
)
from msrelief.audit import services as audit
from msrelief.audit.models import Action

#: The device kind in the changes of auth.2fa_verified and auth.2fa_failed.
KIND = "passkey"
LAST_ONE = (
    "Your role must sign in with a second factor, and this is your last one: add another "
    "passkey or an authenticator app first, then remove this one."
)


def passkeys_of(user: User) -> list[WebAuthnCredential]:
    """The login's passkeys, oldest first."""
    return list(WebAuthnCredential.objects.filter(user=user).order_by("created_at", "pk"))


@transaction.atomic
def add_passkey(user: User, register: Callable[[], WebAuthnCredential]) -> WebAuthnCredential:
    """Keep the passkey that ``register`` checks and saves (the package's registration
    ceremony), named after when it was added."""
    if not may_use_two_factor(user):
        raise PermissionDenied("Client logins do not use a second factor.")
    device = register()
    number = WebAuthnCredential.objects.filter(user=user).count()
    device.name = f"Passkey {number}, added {timezone.localdate():%-d %B %Y}"
    device.save(update_fields=["name"])
    _record(user, user, "auth.passkey_added", Action.UPDATE, passkey=device.name)
    return device


@transaction.atomic
def remove_passkey(user: User, pk: int) -> str:
    """Remove one of the user's own passkeys (another login's is "not found"); the last
    second factor of a role that requires one stays. Returns the passkey's name."""
    device = WebAuthnCredential.objects.select_for_update().filter(user=user, pk=pk).first()
    if device is None:
        raise ValidationError({"passkey": "This passkey is not one of yours, or is gone."})
    others = WebAuthnCredential.objects.filter(user=user, confirmed=True).exclude(pk=pk)
    last = not others.exists() and not has_app(user)
    if last and two_factor_required(user):
        raise ValidationError({"passkey": LAST_ONE})
    name = str(device.name)
    device.delete()
    if last:  # recovery codes back up a second factor; with none left they would be a bypass
        RecoveryCodeDevice.objects.filter(user=user).delete()
    _record(user, user, "auth.passkey_removed", Action.UPDATE, passkey=name, last=last)
    return name


def record_verified(user: User, device: WebAuthnCredential) -> None:
    _record(user, user, "auth.2fa_verified", Action.VIEW, device=KIND, passkey=str(device.name))


def record_failed(user: User, reason: str) -> None:
    audit.record(
        None,
        Action.VIEW,
        user,
        clinic=user.clinic,
        changes={"device": KIND, "reason": reason[:64]},
        event="auth.2fa_failed",
    )
