"""The hash chain over the audit trail, and its verification (``msrelief audit verify``).

Every event stores ``previous_hash``, the hash of the event written just before it (the first
event's is :data:`GENESIS`), and ``hash``, the SHA-256 of a canonical serialisation of its own
fields together with that previous hash. An event changed behind the app's back no longer
matches its hash; an event removed, or slipped in, breaks the link from the one after it. The
chain runs in id order: :func:`take_turn` makes writers append one at a time.

The serialisation is JSON with sorted keys and no spaces, of the fields in
:data:`HASHED_FIELDS` as the database gives them back: the time in UTC with microseconds, the
ids of the actor and the clinic, and ``changes`` with every whole number written as an integer
(PostgreSQL's ``jsonb`` hands ``2.0`` and ``2e20`` back in other spellings than Python wrote).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import connection

from msrelief.audit.models import AuditEvent

GENESIS = "0" * 64
HASHED_FIELDS = (
    "occurred_at",
    "actor_id",
    "actor_email",
    "action",
    "event",
    "object_type",
    "object_id",
    "object_label",
    "clinic_id",
    "client_ref",
    "request_id",
    "remote_addr",
    "changes",
    "previous_hash",
)
# The key of the PostgreSQL advisory lock that writers of the trail take in turn (any fixed
# number no other code uses).
CHAIN_LOCK_KEY = 7_215_310_042
LAST_HASH_SQL = "SELECT hash FROM audit_auditevent ORDER BY id DESC LIMIT 1"


def _plain(value: Any) -> Any:
    """``value`` with whole-number floats as integers, at any depth, so that a number hashes
    the same however the database spells it."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _json(value: Any) -> bytes:
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def canonical_parts(event: Any) -> tuple[bytes, bytes]:
    """The hashed bytes before and after the previous hash's JSON string (``"3fa9…"``).

    With sorted keys and no spaces, an object's JSON is its members' in key order, so the
    members before ``previous_hash`` and those after it can be written apart and joined around
    it: :func:`canonical` does that in Python, and PostgreSQL's append function
    (audit/append_pg.py) does it with the hash it reads under the writers' lock.
    """
    fields = {name: getattr(event, name) for name in HASHED_FIELDS if name != "previous_hash"}
    fields["occurred_at"] = fields["occurred_at"].astimezone(UTC).isoformat(timespec="microseconds")
    fields["changes"] = _plain(fields["changes"])
    before = {name: value for name, value in fields.items() if name < "previous_hash"}
    after = {name: value for name, value in fields.items() if name > "previous_hash"}
    return _json(before)[:-1] + b',"previous_hash":', b"," + _json(after)[1:]


def canonical(event: Any) -> bytes:
    """The bytes that are hashed: the event's :data:`HASHED_FIELDS` as canonical JSON."""
    head, tail = canonical_parts(event)
    return head + _json(event.previous_hash) + tail


def event_hash(event: Any) -> str:
    return hashlib.sha256(canonical(event)).hexdigest()


def take_turn() -> str:
    """Wait for this writer's turn to append, and return the hash to chain onto.

    Call it inside the transaction that writes the event; the turn lasts until that
    transaction ends. On PostgreSQL that is a transaction-level advisory lock: a lock on the
    last row (``select_for_update``) would not do, because a writer that waited for it would
    then be handed the same last row and fork the chain. SQLite needs no lock: msrelief starts
    every transaction with ``BEGIN IMMEDIATE`` (msrelief.lib.sqlite), so writers already take
    turns.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        # The newest event's hash: a fixed statement (every audited page read runs it, and
        # compiling the ORM's query for it cost more than running it).
        cursor.execute(LAST_HASH_SQL)
        last = cursor.fetchone()
    return last[0] if last else GENESIS


@dataclass(frozen=True)
class Report:
    """The outcome of walking the chain: how many events were read and the first break."""

    events: int
    last_id: int | None
    last_hash: str
    broken: str | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def _break(event: Any, previous_id: int | None, previous_hash: str) -> str | None:
    if event_hash(event) != event.hash:
        return f"event #{event.pk}: its fields do not match its hash"
    if event.previous_hash != previous_hash:
        before = f"event #{previous_id}" if previous_id else "the start of the trail"
        return f"event #{event.pk}: previous hash does not match {before}"
    return None


def verify(events: Iterable[Any]) -> Report:
    """Walk ``events`` in id order and stop at the first broken link."""
    count, previous_id, previous_hash = 0, None, GENESIS
    for event in events:
        count += 1
        broken = _break(event, previous_id, previous_hash)
        if broken:
            return Report(count, event.pk, event.hash, broken)
        previous_id, previous_hash = event.pk, event.hash
    return Report(count, previous_id, previous_hash, None)


def verify_trail() -> Report:
    """:func:`verify` over every event in the database."""
    return verify(AuditEvent.objects.order_by("id").iterator(chunk_size=2000))
