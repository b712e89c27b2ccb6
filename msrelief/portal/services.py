"""Every write of the client portal: emailing a sign-in link a client asked for, inviting a
client from their record, using a link to sign in, a client setting their first password, and
recording a download of a client's data. Each checks who may do it, runs in one transaction
and writes its audit event (docs/portal.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts import signin_services
from msrelief.accounts.models import Role, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.instruments import tokens
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind
from msrelief.portal import access_export
from msrelief.portal.models import Purpose, SignInLink

NO_EMAIL = (
    "Add the client's email address to their record first: the invitation is sent there, and "
    "it is the address they sign in with."
)


class LinkRefused(Exception):
    """A sign-in link that cannot be used; ``kind`` says why, for the page that explains it:
    ``unknown``, ``used``, ``expired`` or ``not_client``."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def portal_user(email: str) -> User | None:
    """The active client login with this address whose record exists, or None. Staff logins
    are never found: they sign in with a password and second factor."""
    user = (
        User.objects.filter(email__iexact=email.strip(), is_active=True, role=Role.CLIENT)
        .select_related("clinic")
        .first()
    )
    if user is None or not Client.objects.filter(user=user).exists():
        return None
    return user


def _new_link(
    user: User, client: Client, purpose: Purpose, lasts: dt.timedelta, sent_by: User | None
) -> tuple[SignInLink, str]:
    token, now = tokens.new_token(), timezone.now()
    link = SignInLink.objects.create(
        user=user,
        client=client,
        purpose=purpose,
        token_hash=tokens.hash_token(token),
        created_at=now,
        expires_at=now + lasts,
        sent_by=sent_by,
    )
    return link, token


def _email_context(link: SignInLink, token: str, client: Client) -> dict[str, Any]:
    return {
        "clinic_name": client.clinic.name,
        "url": settings.BASE_URL + reverse("portal-link", kwargs={"token": token}),
        "sign_in_url": settings.BASE_URL + reverse("portal-sign-in"),
        "expires": link.expires_at,
    }


def links_sent_in_the_last_hour(user: User) -> int:
    since = timezone.now() - dt.timedelta(hours=1)
    return int(
        SignInLink.objects.filter(user=user, purpose=Purpose.SIGN_IN, created_at__gte=since).count()
    )


@transaction.atomic
def request_sign_in_link(email: str) -> SignInLink | None:
    """Email a sign-in link to the client login with ``email``, if there is one and it has
    not had settings.PORTAL_LINKS_PER_HOUR of them in the last hour. Returns the link or None;
    the page says the same in every case, so that nobody learns which addresses have a login."""
    user = portal_user(email)
    if user is None:
        return None
    if links_sent_in_the_last_hour(user) >= settings.PORTAL_LINKS_PER_HOUR:
        signin_services.record_throttled(user, "portal-link")
        return None
    client = Client.objects.select_related("clinic").get(user=user)
    lasts = dt.timedelta(minutes=settings.PORTAL_LINK_MINUTES)
    link, token = _new_link(user, client, Purpose.SIGN_IN, lasts, None)
    audit.record(None, Action.CREATE, link, clinic=client.clinic, event="sign_in_link.sent")
    context = _email_context(link, token, client)
    outbox.queue_email(Kind.PORTAL_SIGN_IN, user.email, context, clinic=client.clinic, about=link)
    return link


@transaction.atomic
def invite_client(actor: User, client: Client) -> SignInLink:
    """Staff invite ``client`` to their portal: a client login is made for them if they have
    none (with the address on their record, and no password), and an invitation with a
    sign-in link that works for settings.PORTAL_INVITE_DAYS is emailed to it."""
    client = permissions.staff_client(actor, client, "Only clinic staff can invite a client.")
    user = client.user or _new_login(actor, client)
    if not user.is_active:
        raise ValidationError({"email": "This client's login is switched off; switch it on first."})
    lasts = dt.timedelta(days=settings.PORTAL_INVITE_DAYS)
    link, token = _new_link(user, client, Purpose.INVITATION, lasts, actor)
    audit.record(
        actor,
        Action.UPDATE,
        client,
        clinic=client.clinic,
        changes={"link": link.pk},
        event="client.portal_invited",
    )
    context = {**_email_context(link, token, client), "staff_name": str(actor)}
    outbox.queue_email(
        Kind.PORTAL_INVITATION, user.email, context, clinic=client.clinic, about=link
    )
    return link


def _new_login(actor: User, client: Client) -> User:
    if not client.email:
        raise ValidationError({"email": NO_EMAIL})
    if User.objects.filter(email__iexact=client.email).exists():
        raise ValidationError(
            {
                "email": "Another login already has this email address. Give the client's "
                "record the address only they use, or ask the clinic admin to link their login."
            }
        )
    user = User(
        email=client.email.lower(),
        clinic=client.clinic,
        role=Role.CLIENT,
        full_name=client.display_name,
    )
    user.set_unusable_password()  # they sign in by link; a password is their own choice
    user.full_clean()
    user.save()
    audit.record(
        actor,
        Action.CREATE,
        user,
        clinic=client.clinic,
        changes={"role": Role.CLIENT},
        event="user.created",
    )
    # The same service as the record's "link a login" (its checks and its user.client_linked
    # event), inside this transaction: a refusal there undoes the new login too.
    clients.link_login(actor, client, user)
    return user


def usable_link(token: str) -> SignInLink:
    """The link of ``token`` if it can sign in now; otherwise :class:`LinkRefused`. Looking
    does not use the link up (a mail scanner that opens it spends nothing)."""
    link = (
        SignInLink.objects.select_related("user", "client__clinic")
        .filter(token_hash=tokens.hash_token(token))
        .first()
    )
    if link is None:
        raise LinkRefused("unknown")
    if link.is_used:
        raise LinkRefused("used")
    if link.is_expired:
        raise LinkRefused("expired")
    user = link.user
    if not user.is_active or user.role != Role.CLIENT or link.client.user_id != user.pk:
        raise LinkRefused("not_client")
    return link


@transaction.atomic
def use_link(token: str) -> User:
    """Use up the link of ``token`` and return the client login it signs in (the view then
    logs it in). Every other unused link of that login stops working too."""
    found = usable_link(token)
    link = SignInLink.objects.select_for_update().get(pk=found.pk)
    if link.used_at is not None:  # used by a request that got there first
        raise LinkRefused("used")
    now = timezone.now()
    SignInLink.objects.filter(user_id=link.user_id, used_at__isnull=True).update(used_at=now)
    audit.record(
        found.user, Action.UPDATE, link, clinic=found.client.clinic, event="sign_in_link.used"
    )
    return found.user


@transaction.atomic
def set_first_password(user: User, raw_password: str) -> User:
    """The signed-in client, whose login has no password (it was made for an invitation), sets
    one; the page asks for a recent link sign-in first (views_password.py)."""
    if not user.is_authenticated or user.role != Role.CLIENT:
        raise PermissionDenied("Only a client's own login sets its first password here.")
    if user.has_usable_password():
        raise ValidationError(
            {"new_password1": "You have a password already: change it on the Password page."}
        )
    try:
        password_validation.validate_password(raw_password, user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from None
    user.set_password(raw_password)
    user.save(update_fields=["password"])
    audit.record(user, Action.UPDATE, user, clinic=user.clinic, event="auth.password_set")
    return user


def own_client(user: User) -> Client:
    """The client record of a signed-in client login; PermissionDenied for anyone else."""
    if not user.is_authenticated or user.role != Role.CLIENT:
        raise PermissionDenied("These pages are for clients.")
    client = Client.objects.select_related("clinic", "therapist").filter(user=user).first()
    if client is None:
        raise PermissionDenied(
            "Your login is not linked to a client record yet. Ask your therapist to link it."
        )
    return client


@transaction.atomic
def export_for_staff(actor: User, pk: int | str, file_format: str) -> dict[str, Any]:
    """Everything kept about the client ``pk`` (access_export.build), for staff of their clinic
    (404 for anyone else's client); the download is audited."""
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied("Only clinic staff can download a client's data.")
    client = permissions.get_client_or_404(actor, pk)
    return _export(actor, client, file_format, "staff")


@transaction.atomic
def export_own(user: User, file_format: str) -> dict[str, Any]:
    """Everything kept about the signed-in client, for themselves; the download is audited."""
    return _export(user, own_client(user), file_format, "client")


def _export(actor: User, client: Client, file_format: str, by: str) -> dict[str, Any]:
    if file_format not in access_export.FORMATS:
        raise ValidationError({"format": "Choose JSON or HTML."})
    audit.record(
        actor,
        Action.VIEW,
        client,
        clinic=client.clinic,
        changes={"format": file_format, "by": by},
        event="client.data_exported",
    )
    return access_export.build(client)
