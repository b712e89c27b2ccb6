"""A user logs in with an email address and belongs to at most one clinic, in one role."""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

UK_CRISIS_GUIDANCE = (
    "If you might act on thoughts of harming yourself, or you are in danger now, call 999 or go "
    "to A&E.\n"
    "For urgent help that is not an emergency, call NHS 111 and choose the mental health option.\n"
    "To talk to someone at any time, day or night, call Samaritans free on 116 123."
)


class Clinic(models.Model):
    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    crisis_guidance = models.TextField(
        default=UK_CRISIS_GUIDANCE,
        help_text="Shown at once to a client whose answers suggest thoughts of self-harm. "
        "One line per service. The default is for the UK.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CLINIC_ADMIN = "clinic_admin", "Clinic admin"
    THERAPIST = "therapist", "Therapist"
    CLIENT = "client", "Client"


STAFF_ROLES = frozenset({Role.CLINIC_ADMIN, Role.THERAPIST})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> User:
        # Email addresses are stored lower-cased; logins match whatever case was typed.
        return self.get(email__iexact=username or "")

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


# django-otp has no type information, so its devices' reverse managers cannot be typed.
class User(AbstractBaseUser, PermissionsMixin):  # type: ignore[django-manager-missing]
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200, blank=True)
    clinic = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use the Django admin site.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(clinic__isnull=True, role="")
                | models.Q(clinic__isnull=False) & ~models.Q(role=""),
                name="user_clinic_and_role_together",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_clinic_staff(self) -> bool:
        return self.clinic_id is not None and self.role in STAFF_ROLES

    @property
    def is_clinic_admin(self) -> bool:
        return self.clinic_id is not None and self.role == Role.CLINIC_ADMIN


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):  # type: ignore[misc]
    """A login's set of single-use recovery codes, a second factor for when the authenticator
    app is lost. django-otp's own static device stores its codes as plain text; these are
    stored only as SHA-256 digests (each code is random, 50 bits, so a digest cannot be
    reversed by guessing), shown once when made, and deleted when used."""

    def get_throttle_factor(self) -> int:
        return 1

    def verify_token(self, token: object) -> bool:
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        used = self.codes.filter(digest=recovery_digest(str(token))).first()
        if used is None:
            self.throttle_increment()
            return False
        used.delete()
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


def normalise_recovery_code(code: str) -> str:
    """``ABCDE-FGHIJ``, ``abcde fghij`` and ``abcdefghij`` are the same code."""
    return "".join(ch for ch in code.lower() if ch.isalnum())


def recovery_digest(code: str) -> str:
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "digest"], name="recovery_code_once")
        ]

    def __str__(self) -> str:
        return f"Recovery code #{self.pk}"  # never the code: only its digest is kept


class LoginSession(AbstractBaseSession):
    """A browser's session, as Django's database sessions keep it (key, signed data, expiry),
    with the login it is signed in as in a column of its own (none for a visitor), written from
    the data on every save. Every signed-in page then reads its session and its login in one
    query (msrelief/accounts/sessions.py). Deleting a login deletes its sessions."""

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "session"

    @classmethod
    def get_session_store_class(cls) -> type[Any]:
        from msrelief.accounts.sessions import SessionStore

        return SessionStore
