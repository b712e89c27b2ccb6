"""Every change to a login: creating staff, changing a role, what a user may do, switching a
login off or on, and setting a password. Each checks permission, runs in one transaction and
writes the audit event; the Django admin and the password pages go through these."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from msrelief.accounts.models import Clinic, Role, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action


def _may_manage(actor: User, clinic: Clinic | None) -> None:
    """A superuser manages any login; a clinic admin manages the logins of their clinic."""
    if not actor.is_authenticated:
        raise PermissionDenied("Log in to manage logins.")
    if actor.is_superuser:
        return
    if actor.is_clinic_admin and clinic is not None and clinic.pk == actor.clinic_id:
        return
    raise PermissionDenied("Only a superuser or this clinic's admin can manage this login.")


@transaction.atomic
def create_user(
    actor: User,
    *,
    email: str,
    password: str | None,
    clinic: Clinic | None = None,
    role: str = "",
    full_name: str = "",
) -> User:
    """Create a login (staff or client of ``clinic``, or a clinic-less one such as an evidence
    editor, which only a superuser may make)."""
    _may_manage(actor, clinic)
    if role and role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}."})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "A login with this email address already exists."})
    user = User(
        email=User.objects.normalize_email(email).lower(),
        clinic=clinic,
        role=role,
        full_name=full_name,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    audit.record(
        actor, Action.CREATE, user, clinic=clinic, changes={"role": role}, event="user.created"
    )
    return user


@transaction.atomic
def update_user(actor: User, user: User, **fields: object) -> User:
    """Change a login's details; each kind of change is its own audit event (a role or
    clinic change, switching it off or on, other details)."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    _may_manage(actor, locked.clinic)
    allowed = {"email", "full_name", "clinic", "role", "is_active", "is_staff", "is_superuser"}
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be set here."))
    if {"is_staff", "is_superuser"} & set(fields) and not actor.is_superuser:
        raise PermissionDenied("Only a superuser can give access to the admin site.")
    changed = sorted(k for k, v in fields.items() if getattr(locked, k) != v)
    if "clinic" in changed and not actor.is_superuser:
        raise PermissionDenied("Only a superuser can move a login to another clinic.")
    for name in changed:
        setattr(locked, name, fields[name])
    locked.full_clean()
    locked.save()
    for event, names in _events_for(changed, locked):
        audit.record(
            actor,
            Action.UPDATE,
            locked,
            clinic=locked.clinic,
            changes={"fields": names},
            event=event,
        )
    return locked


def _events_for(changed: list[str], user: User) -> list[tuple[str, list[str]]]:
    events = []
    role = [n for n in changed if n in ("role", "clinic", "is_staff", "is_superuser")]
    if role:
        events.append(("user.role_changed", role))
    if "is_active" in changed:
        events.append(("user.reactivated" if user.is_active else "user.deactivated", ["is_active"]))
    other = [n for n in changed if n in ("email", "full_name")]
    if other:
        events.append(("user.updated", other))
    return events


@transaction.atomic
def set_permissions(actor: User, user: User, permissions: Iterable[Permission]) -> User:
    """Set exactly which extra permissions ``user`` has (such as editing the evidence base)."""
    if not actor.is_authenticated or not actor.is_superuser:
        raise PermissionDenied("Only a superuser can change what a login may do.")
    wanted = {p.pk for p in permissions}
    current = set(user.user_permissions.values_list("pk", flat=True))
    if wanted != current:
        user.user_permissions.set(wanted)
        codenames = sorted(
            Permission.objects.filter(pk__in=wanted ^ current).values_list("codename", flat=True)
        )
        audit.record(
            actor,
            Action.UPDATE,
            user,
            clinic=user.clinic,
            changes={"permissions": codenames},
            event="user.permissions_changed",
        )
    return user


@transaction.atomic
def set_password(actor: User | None, user: User, raw_password: str) -> User:
    """Give ``user`` a new password: by themselves (password change, or a reset link, when
    ``actor`` is the user) or by a superuser."""
    if actor is None or (actor.pk != user.pk and not actor.is_superuser):
        raise PermissionDenied("Only the user themselves or a superuser can set this password.")
    user.set_password(raw_password)
    user.save(update_fields=["password"])
    audit.record(actor, Action.UPDATE, user, clinic=user.clinic, event="auth.password_changed")
    return user
