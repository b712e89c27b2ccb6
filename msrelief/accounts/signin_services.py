"""Every change to how a login signs in: enrolling an authenticator app, recovery codes,
checking a second factor, resetting a login's two factors, and unlocking a locked login.
Each checks permission, runs in one transaction and writes its audit event
(docs/security.md "Sign-in")."""

from __future__ import annotations

import secrets
from base64 import b32encode

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.db.models import Sum
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from msrelief.accounts.models import RecoveryCode, RecoveryCodeDevice, Role, User, recovery_digest
from msrelief.accounts.services import _may_manage
from msrelief.audit import services as audit
from msrelief.audit.models import Action

RECOVERY_CODES = 10
APP_NAME = "Authenticator app"
WRONG_APP_CODE = "This code is not right. Type the 6 numbers your authenticator app shows now."
WRONG_CODE = (
    "This code is not right. Type the 6 numbers your authenticator app shows now, or one of "
    "your recovery codes."
)


def two_factor_required(user: User) -> bool:
    """Clinic admins and superusers must sign in with a second factor; other staff (therapists,
    evidence editors) too when settings.TWO_FACTOR_FOR_STAFF is on. Clients never."""
    if not settings.TWO_FACTOR_ENROLMENT_REQUIRED:
        return False
    if user.is_superuser or user.role == Role.CLINIC_ADMIN:
        return True
    return bool(settings.TWO_FACTOR_FOR_STAFF) and may_use_two_factor(user)


def may_use_two_factor(user: User) -> bool:
    """Every login except a client's may add a second factor."""
    return user.is_authenticated and user.role != Role.CLIENT


def has_app(user: User) -> bool:
    """A confirmed authenticator app."""
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def has_passkey(user: User) -> bool:
    return passkey_count(user) > 0


def passkey_count(user: User) -> int:
    return int(WebAuthnCredential.objects.filter(user=user, confirmed=True).count())


def has_second_factor(user: User) -> bool:
    """A confirmed authenticator app or a passkey (recovery codes alone do not count: they back
    the others up).

    The sign-in middleware asks this on every page of a login that has not given a second
    factor, so it is one plain query (compiling two ORM queries, or one with two ``Exists``,
    was a tenth of a light page's time)."""
    with connection.cursor() as cursor:
        cursor.execute(_HAS_SECOND_FACTOR, [user.pk, user.pk])
        (found,) = cursor.fetchone()
    return bool(found)


def _exists_sql(model: type[models.Model]) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    return f"EXISTS (SELECT 1 FROM {table} WHERE user_id = %s AND confirmed)"  # noqa: S608


# The two tables' names come from their models, never from input.
_HAS_SECOND_FACTOR = f"SELECT {_exists_sql(TOTPDevice)} OR {_exists_sql(WebAuthnCredential)}"


def takes_codes(user: User) -> bool:
    """Whether a code can be typed for this login: the app's, or a recovery code."""
    return has_app(user) or recovery_codes_left(user) > 0


def _record(
    actor: User | None,
    user: User,
    event: str,
    action: Action = Action.UPDATE,
    **changes: object,
) -> None:
    audit.record(actor, action, user, clinic=user.clinic, changes=changes, event=event)


@transaction.atomic
def start_enrolment(user: User) -> TOTPDevice:
    """The authenticator app being set up: a new secret, not used for signing in until a first
    code from the app confirms it. Opening the page again shows the same secret."""
    if not may_use_two_factor(user):
        raise PermissionDenied("Client logins do not use a second factor.")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


@transaction.atomic
def confirm_enrolment(user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm ``device`` with a first code from the app; it replaces any earlier app, and new
    recovery codes replace any earlier ones. Returns the recovery codes, shown only now."""
    locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if locked.user_id != user.pk or locked.confirmed:
        raise PermissionDenied("This authenticator app set-up is not yours or is finished.")
    if not locked.verify_token(code.strip().replace(" ", "")):
        raise ValidationError({"code": WRONG_APP_CODE})
    replaced = TOTPDevice.objects.filter(user=user).exclude(pk=locked.pk)
    was_enrolled = replaced.filter(confirmed=True).exists()
    replaced.delete()
    locked.confirmed = True
    locked.save(update_fields=["confirmed"])
    codes = _new_codes(user)
    _record(user, user, "auth.2fa_enrolled", replaced_app=was_enrolled)
    return codes


def _new_codes(user: User) -> list[str]:
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="Recovery codes")
    codes = [_random_code() for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device=device, digest=recovery_digest(code)) for code in codes
    )
    return codes


def _random_code() -> str:
    raw = b32encode(secrets.token_bytes(7)).decode().lower()[:10]  # 10 characters, 50 bits
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def replace_recovery_codes(user: User) -> list[str]:
    """New recovery codes for a login with an authenticator app or a passkey; the old ones stop
    working."""
    if not has_second_factor(user):
        raise ValidationError({"codes": "Set up an authenticator app or a passkey first."})
    codes = _new_codes(user)
    _record(user, user, "auth.recovery_codes_replaced")
    return codes


def recovery_codes_left(user: User) -> int:
    return int(RecoveryCode.objects.filter(device__user=user).count())


def verify_second_factor(user: User, code: str) -> Device:
    """The device that accepts ``code`` (the app's current code, or an unused recovery code,
    which is then used up); otherwise ValidationError naming the code field. Both outcomes
    are audited, and a failure counts towards the app's own back-off (django-otp)."""
    token = code.strip().replace(" ", "")
    wait = _wait_seconds(user)
    device = _check_code(user, token)
    if device is None and wait:
        raise ValidationError(
            {
                "code": f"Wait {wait} seconds, then type the code again: after a wrong code "
                "each try waits a little longer."
            }
        )
    if device is None:
        raise ValidationError({"code": WRONG_CODE})
    return device


def _wait_seconds(user: User) -> int:
    """How long django-otp's back-off still holds the app's code back (0: not at all)."""
    waits = []
    for app in TOTPDevice.objects.filter(user=user, confirmed=True):
        allowed, info = app.verify_is_allowed()
        if not allowed and info and info.get("locked_until"):
            waits.append((info["locked_until"] - timezone.now()).total_seconds())
    return max(1, int(max(waits)) + 1) if waits else 0


@transaction.atomic
def _check_code(user: User, token: str) -> Device | None:
    # Commits whatever the outcome: a failure's audit event and back-off must be kept.
    if token:
        for app in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if app.verify_token(token):
                _record(user, user, "auth.2fa_verified", Action.VIEW)
                return app
        for backup in RecoveryCodeDevice.objects.select_for_update().filter(user=user):
            if backup.verify_token(token):
                _record(user, user, "auth.recovery_code_used", left=recovery_codes_left(user))
                return backup
    audit.record(None, Action.VIEW, user, clinic=user.clinic, event="auth.2fa_failed")
    return None


@transaction.atomic
def remove_two_factor(user: User) -> None:
    """The user turns off their own second factor, where their role does not require one."""
    if two_factor_required(user):
        raise PermissionDenied("Your role must sign in with a second factor.")
    _delete_devices(user)
    _record(user, user, "auth.2fa_removed")


@transaction.atomic
def reset_two_factor(actor: User | None, user: User) -> None:
    """A clinic admin (for their clinic), a superuser, or the command line (``actor`` None)
    removes a login's authenticator app, passkeys and recovery codes, after they were lost. A role
    that requires two factors sets them up again at its next sign-in."""
    if actor is not None:
        _may_manage(actor, user.clinic)
    if not _delete_devices(user):
        raise ValidationError({"user": f"{user.email} has no second factor to reset."})
    _record(actor, user, "auth.2fa_reset", Action.UPDATE, **_via(actor))


def _delete_devices(user: User) -> int:
    apps, _ = TOTPDevice.objects.filter(user=user).delete()
    keys, _ = WebAuthnCredential.objects.filter(user=user).delete()
    codes, _ = RecoveryCodeDevice.objects.filter(user=user).delete()
    return int(apps) + int(keys) + int(codes)


def failures(user: User) -> int:
    """Wrong passwords and codes in a row that still count (within the cool-off)."""
    attempts = AccessAttempt.objects.filter(username=user.email.lower())
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return int(attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0)


def is_locked(user: User) -> bool:
    return failures(user) >= int(settings.AXES_FAILURE_LIMIT)


def sign_in_states(users: list[User]) -> dict[int, tuple[bool, bool]]:
    """For each user's id: (has a second factor, is locked), in three queries."""
    with_app = set(
        TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id", flat=True)
    ) | set(
        WebAuthnCredential.objects.filter(user__in=users, confirmed=True).values_list(
            "user_id", flat=True
        )
    )
    attempts = AccessAttempt.objects.filter(username__in=[u.email.lower() for u in users])
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    counts = dict(
        attempts.values("username")
        .annotate(n=Sum("failures_since_start"))
        .values_list("username", "n")
    )
    limit = int(settings.AXES_FAILURE_LIMIT)
    return {u.pk: (u.pk in with_app, counts.get(u.email.lower(), 0) >= limit) for u in users}


@transaction.atomic
def unlock(actor: User | None, user: User) -> None:
    """Let a locked login sign in again: a clinic admin (for their clinic), a superuser, or the
    command line (``actor`` None)."""
    if actor is not None:
        _may_manage(actor, user.clinic)
    if not is_locked(user):
        raise ValidationError({"user": f"{user.email} is not locked."})
    axes_reset(username=user.email.lower())
    for app in TOTPDevice.objects.filter(user=user):
        app.throttle_reset()
    _record(actor, user, "auth.unlocked", Action.UPDATE, **_via(actor))


def _via(actor: User | None) -> dict[str, str]:
    return {"via": "command line"} if actor is None else {}


def record_reauthenticated(user: User) -> None:
    _record(user, user, "auth.reauthenticated", Action.VIEW)


def record_timed_out(user: User, reason: str) -> None:
    _record(user, user, "auth.timed_out", Action.VIEW, reason=reason)


def record_locked(user: User | None, email: str) -> None:
    """A login has just been locked by too many failures in a row (any address typed is
    locked alike, so that the page tells nobody whether a login exists)."""
    audit.record(
        None,
        Action.UPDATE,
        user,
        clinic=getattr(user, "clinic", None),
        changes={"email": email[:254]},
        event="auth.locked",
    )


def record_throttled(user: User | None, page: str) -> None:
    audit.record(
        None,
        Action.VIEW,
        user,
        clinic=getattr(user, "clinic", None),
        changes={"page": page},
        event="auth.throttled",
    )
