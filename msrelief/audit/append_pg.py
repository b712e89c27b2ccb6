"""PostgreSQL's append to the audit trail in one statement: a database function that takes the
writers' lock, reads the last event's hash, hashes the new event onto it and inserts it.

Done from Python, an append is five statements on PostgreSQL (begin, the advisory lock, the
last hash, the insert, commit), and every audited page read makes one; a look at a client
record paid more for its audit event than for all its other queries together. The function
makes it one round trip: outside a transaction the call is its own transaction (the lock is
held until it commits), inside a service's transaction it is one statement of it (the lock is
held until that transaction ends, as ``chain.take_turn``'s is).

Why the function sees the newest event: in PostgreSQL's default isolation (read committed), a
volatile PL/pgSQL function takes a fresh snapshot for each statement it runs, so the read of
the last hash, run once the lock is granted, sees every event committed by the writer that
held the lock before. (One plain SQL statement that took the lock and read the hash would
read with the snapshot taken before it waited, and could chain two events onto the same one.)

The hashed bytes are built by Python (``chain.canonical_parts``), the same function the
verification uses, so the database adds only the previous hash's JSON string between them and
hashes with its own SHA-256 (``sha256``, PostgreSQL 11 and later). Migration 0008 creates the
function; SQLite keeps the Python path (its writers already take turns, with BEGIN IMMEDIATE).
"""

from __future__ import annotations

import json
from typing import Any

from msrelief.audit import chain

FUNCTION = "msrelief_audit_append"

# Built from this module's constants only, never from input.
CREATE = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(
    lock_key bigint, head bytea, tail bytea,
    p_occurred_at timestamptz, p_actor_id bigint, p_actor_email text, p_action text,
    p_event text, p_object_type text, p_object_id text, p_object_label text,
    p_clinic_id bigint, p_client_ref bigint, p_request_id text, p_remote_addr inet,
    p_changes jsonb
) RETURNS TABLE (new_id bigint, new_previous_hash text, new_hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    found_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    SELECT e.hash INTO found_hash FROM audit_auditevent e ORDER BY e.id DESC LIMIT 1;
    new_previous_hash := coalesce(found_hash, '{chain.GENESIS}');
    new_hash := encode(
        sha256(head || convert_to('"' || new_previous_hash || '"', 'UTF8') || tail), 'hex'
    );
    INSERT INTO audit_auditevent (
        occurred_at, actor_id, actor_email, action, event, object_type, object_id,
        object_label, clinic_id, client_ref, request_id, remote_addr, changes,
        previous_hash, hash
    ) VALUES (
        p_occurred_at, p_actor_id, p_actor_email, p_action, p_event, p_object_type,
        p_object_id, p_object_label, p_clinic_id, p_client_ref, p_request_id, p_remote_addr,
        p_changes, new_previous_hash, new_hash
    ) RETURNING id INTO new_id;
    RETURN NEXT;
END
$$"""  # noqa: S608
DROP = f"DROP FUNCTION IF EXISTS {FUNCTION}(bigint, bytea, bytea, timestamptz, bigint, text, text, text, text, text, text, bigint, bigint, text, inet, jsonb)"  # noqa: E501
CALL = f"SELECT new_id, new_previous_hash, new_hash FROM {FUNCTION}({', '.join(['%s'] * 16)})"  # noqa: S608


def append(event: Any, connection: Any) -> None:
    """Write ``event`` (not yet saved) at the end of the trail, and set its id and hashes."""
    head, tail = chain.canonical_parts(event)
    params = [
        chain.CHAIN_LOCK_KEY,
        head,
        tail,
        event.occurred_at,
        event.actor_id,
        event.actor_email,
        str(event.action),
        event.event,
        event.object_type,
        event.object_id,
        event.object_label,
        event.clinic_id,
        event.client_ref,
        event.request_id,
        event.remote_addr,
        json.dumps(event.changes, allow_nan=False),
    ]
    with connection.cursor() as cursor:
        cursor.execute(CALL, params)
        event.pk, event.previous_hash, event.hash = cursor.fetchone()
    event._state.adding = False
    event._state.db = connection.alias
