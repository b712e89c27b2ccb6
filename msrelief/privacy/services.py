"""The privacy services: erasing a client (everything about them, their portal login
included, leaving a tombstone and the audit event of the erasure), withdrawing consent,
restricting processing, placing and lifting a legal hold, and the clinic's own words for its
processing activities. Each checks permission, runs in one transaction and writes its audit
event; views, the portal and ``msrelief purge`` call these same functions."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.utils import timezone

from msrelief.accounts.models import Role, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Message
from msrelief.privacy import activities
from msrelief.privacy.models import (
    WORDS_MAX,
    ConsentWithdrawal,
    LegalHold,
    ProcessingRecord,
    Tombstone,
)

REASON_MAX = Tombstone._meta.get_field("reason").max_length
#: The domain of the address an erased login keeps when the audit trail still names it.
ERASED_DOMAIN = "erased.invalid"


def _require_admin(actor: User, client: Client, doing: str = "erase a client") -> Client:
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied(f"Only the clinic admin can {doing}.")
    client = permissions.get_client_or_404(actor, client.pk)
    if actor.role != Role.CLINIC_ADMIN:
        raise PermissionDenied(f"Only the clinic admin can {doing}.")
    return client


def held(client: Client) -> LegalHold | None:
    """The legal hold that stands on ``client``, or None."""
    return LegalHold.objects.filter(client_id=client.pk).first()


def _refuse_if_held(client: Client) -> None:
    hold = held(client)
    if hold is not None:
        raise ValidationError(
            f"Client #{client.pk} is on legal hold since {hold.placed_at:%d %b %Y}, so the "
            "record cannot be erased. The clinic admin must lift the hold first."
        )


def _clean_reason(
    reason: str, missing: str = "Say why the client is erased (no names or health data)."
) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": missing})
    if REASON_MAX is not None and len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Keep the reason to {REASON_MAX} characters."})
    return reason


@transaction.atomic(durable=True)
def erase_client(actor: User, client: Client, reason: str) -> Tombstone:
    """Erase ``client`` (clinic admin only; the view asks for a recent sign-in first)."""
    client = _require_admin(actor, client)
    _refuse_if_held(client)
    return _erase(actor, client, _clean_reason(reason), by="staff")


def erase_for_retention(client: Client, reason: str) -> Tombstone:
    """Erase ``client`` whose retention period is over, as the system (``msrelief purge``,
    which passes over a client on legal hold); the caller holds the transaction."""
    _refuse_if_held(client)
    return _erase(None, client, reason, by="retention")


def _erase(actor: User | None, client: Client, reason: str, *, by: str) -> Tombstone:
    number, clinic, login = client.pk, client.clinic, client.user
    audit.record(
        actor, Action.DELETE, client, clinic=clinic, changes={"by": by}, event="client.erased"
    )
    removed: dict[str, int] = {}
    messages = outbox.forget_client(number)
    if messages:
        removed["notifications.message"] = messages
    # A fresh instance: delete() clears the primary key of the one it is given.
    _, per_model = Client.objects.get(pk=number).delete()
    removed.update({label.lower(): n for label, n in per_model.items() if n})
    if login is not None:
        removed["accounts.user"] = 1
        _remove_login(login)
    return Tombstone.objects.create(
        client_number=number,
        clinic=clinic,
        erased_by=actor,
        reason=reason,
        removed=dict(sorted(removed.items())),
    )


def _remove_login(login: User) -> None:
    """Delete the client's portal login; when the audit trail names it as the actor of earlier
    events (it cannot be changed, so the row must stay), blank it instead: no name, an address
    that says only which login it was, no password, switched off."""
    try:
        with transaction.atomic():
            login.delete()
    except ProtectedError:
        login.email = f"erased-login-{login.pk}@{ERASED_DOMAIN}"
        login.full_name = ""
        login.is_active = False
        login.set_unusable_password()
        login.save()


def _staff_client(actor: User, client: Client) -> Client:
    return permissions.staff_client(
        actor, client, "Only clinic staff can change a client's consent or restriction."
    )


@transaction.atomic(durable=True)
def withdraw_consent(
    actor: User, client: Client, withdrawn_on: dt.date | None = None
) -> ConsentWithdrawal:
    """Record that ``client`` withdrew their consent (staff, from the client record), and
    restrict processing from now on. The consent records stay as they were."""
    return _withdraw(actor, _staff_client(actor, client), withdrawn_on, by_client=False)


@transaction.atomic(durable=True)
def withdraw_own_consent(user: User, client: Client) -> ConsentWithdrawal:
    """The signed-in client withdraws their own consent, from their portal, today."""
    if not user.is_authenticated or user.role != Role.CLIENT or client.user_id != user.pk:
        raise PermissionDenied("Only the client themselves can withdraw consent here.")
    locked = Client.objects.select_for_update().select_related("clinic").get(pk=client.pk)
    return _withdraw(user, locked, None, by_client=True)


def _withdraw(
    actor: User, client: Client, withdrawn_on: dt.date | None, *, by_client: bool
) -> ConsentWithdrawal:
    today = timezone.localdate()
    withdrawn_on = withdrawn_on or today
    if withdrawn_on > today:
        raise ValidationError({"withdrawn_on": "The date of withdrawal cannot be in the future."})
    if not client.consents.exists():
        raise ValidationError({"withdrawn_on": "There is no consent on record to withdraw."})
    withdrawal = ConsentWithdrawal.objects.create(
        client=client, withdrawn_on=withdrawn_on, recorded_by=actor, by_client=by_client
    )
    audit.record(
        actor,
        Action.CREATE,
        withdrawal,
        clinic=client.clinic,
        changes={"by": "client" if by_client else "staff"},
        event="consent.withdrawn",
    )
    if client.restricted_since is None:
        _set_restriction(actor, client, timezone.now(), why="consent withdrawn")
    return withdrawal


@transaction.atomic(durable=True)
def restrict_processing(actor: User, client: Client) -> Client:
    """Restrict processing of ``client``'s information: the record stays readable, nothing new
    is accepted (clients/restriction.py)."""
    client = _staff_client(actor, client)
    if client.restricted_since is not None:
        raise ValidationError("Processing of this client's information is already restricted.")
    return _set_restriction(actor, client, timezone.now(), why="asked")


@transaction.atomic(durable=True)
def lift_restriction(actor: User, client: Client) -> Client:
    """End the restriction of processing of ``client``'s information."""
    client = _staff_client(actor, client)
    if client.restricted_since is None:
        raise ValidationError("Processing of this client's information is not restricted.")
    return _set_restriction(actor, client, None, why="lifted")


def _set_restriction(actor: User, client: Client, since: dt.datetime | None, *, why: str) -> Client:
    client.restricted_since = since
    client.save(update_fields=["restricted_since"])
    audit.record(
        actor,
        Action.UPDATE,
        client,
        clinic=client.clinic,
        changes={"why": why},
        event="client.restricted" if since is not None else "client.restriction_lifted",
    )
    return client


def erasure_preview(client: Client) -> list[tuple[str, int]]:
    """What erasing ``client`` would remove, as (kind of record, how many) in plain words, for
    the confirm page: the rows that deleting the record takes with it, their messages and
    their portal login."""
    collector = Collector(using=router.db_for_write(Client))
    collector.collect([client])
    counts: dict[str, int] = {}
    for model, rows in collector.data.items():
        counts[str(model._meta.verbose_name_plural)] = len(rows)
    for queryset in collector.fast_deletes:
        name = str(queryset.model._meta.verbose_name_plural)
        counts[name] = counts.get(name, 0) + queryset.count()
    messages = Message.objects.filter(client_ref=client.pk).count()
    counts["messages"] = counts.get("messages", 0) + messages
    if client.user_id is not None:
        counts["portal login"] = 1
    return sorted((name, n) for name, n in counts.items() if n)


@transaction.atomic(durable=True)
def place_legal_hold(actor: User, client: Client, reason: str) -> LegalHold:
    """Place a legal hold on ``client`` (clinic admin only): until it is lifted, neither staff
    nor the retention purge can erase the record."""
    client = _require_admin(actor, client, "place a legal hold")
    locked = Client.objects.select_for_update().get(pk=client.pk)
    reason = _clean_reason(reason, "Say why the record must be kept (no names or health data).")
    if held(locked) is not None:
        raise ValidationError("This client is already on legal hold.")
    hold = LegalHold.objects.create(client=locked, reason=reason, placed_by=actor)
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"hold": hold.pk},
        event="privacy.legal_hold_placed",
    )
    return hold


@transaction.atomic(durable=True)
def lift_legal_hold(actor: User, client: Client) -> None:
    """Lift the legal hold on ``client`` (clinic admin only); the record can then be erased
    again. The hold's row goes; the audit trail keeps that it was placed and lifted."""
    client = _require_admin(actor, client, "lift a legal hold")
    locked = Client.objects.select_for_update().get(pk=client.pk)
    hold = held(locked)
    if hold is None:
        raise ValidationError("This client is not on legal hold.")
    audit.record(
        actor,
        Action.UPDATE,
        locked,
        clinic=locked.clinic,
        changes={"hold": hold.pk},
        event="privacy.legal_hold_lifted",
    )
    hold.delete()


@transaction.atomic(durable=True)
def update_processing(actor: User, key: str, **words: str) -> ProcessingRecord:
    """The clinic admin writes their clinic's own purpose, lawful basis and recipients of the
    processing activity ``key`` (activities.EDITABLE); every field is required."""
    if not actor.is_authenticated or not actor.is_clinic_admin or actor.clinic_id is None:
        raise PermissionDenied("Only the clinic admin can change the processing activities.")
    if key not in activities.BY_KEY:
        raise ValidationError({"activity": f"There is no processing activity {key!r}."})
    cleaned = _clean_words(words)
    record = ProcessingRecord.objects.filter(clinic_id=actor.clinic_id, activity=key).first()
    record = record or ProcessingRecord(clinic_id=actor.clinic_id, activity=key)
    changed = [name for name in activities.EDITABLE if getattr(record, name) != cleaned[name]]
    for name, value in cleaned.items():
        setattr(record, name, value)
    record.updated_at, record.updated_by = timezone.now(), actor
    record.save()
    audit.record(
        actor,
        Action.UPDATE,
        record,
        clinic=actor.clinic,
        changes={"activity": key, "fields": changed},
        event="privacy.processing_updated",
    )
    return record


def _clean_words(words: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(words) - set(activities.EDITABLE))
    if unknown:
        raise ValueError(f"not editable: {unknown}")
    problems: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    for name in activities.EDITABLE:
        value = (words.get(name) or "").strip()
        label = name.replace("_", " ")
        if not value:
            problems[name] = f"Write the {label}."
        elif len(value) > WORDS_MAX:
            problems[name] = f"Keep the {label} to {WORDS_MAX} characters."
        cleaned[name] = value
    if problems:
        raise ValidationError(problems)
    return cleaned
