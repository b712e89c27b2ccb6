"""services.record chains every event onto the one before it (msrelief.audit.chain)."""

import hashlib
import json

import pytest
from django.db import connection

from msrelief.audit import chain, context, services
from msrelief.audit.models import Action, AuditEvent


def _record(therapist, ms_client, **changes):
    return services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic, **changes)


def test_each_event_stores_the_hash_of_the_event_before_it(ms_client, therapist):
    for _ in range(3):
        _record(therapist, ms_client)
    events = list(AuditEvent.objects.order_by("id"))
    assert events[0].previous_hash == chain.GENESIS
    assert [e.previous_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert all(len(e.hash) == 64 for e in events)
    assert len({e.hash for e in events}) == len(events)


def test_the_hash_is_the_sha256_of_the_canonical_fields_with_the_previous_hash(
    ms_client, therapist
):
    event = _record(therapist, ms_client)
    assert event.hash == hashlib.sha256(chain.canonical(event)).hexdigest()
    text = chain.canonical(event).decode()
    assert text.startswith('{"action":"view","actor_email":"tess@harbour.test","actor_id":')
    assert f'"previous_hash":"{event.previous_hash}"' in text
    assert '"occurred_at":"' + event.occurred_at.isoformat(timespec="microseconds") in text


@pytest.mark.parametrize(
    "changes",
    [
        {"fields": ("edss", "notes"), "section": "measures"},
        {"rows": 3, "ratio": 2.0, "huge": 2.5e20, "small": 1e-7, "tenth": 0.1},
        {"nested": {"b": [1, {"z": None, "a": True}], "a": "Ünïcødé “quoted” \\ \n"}},
        {1: "a number as a key"},
        {},
    ],
)
def test_the_row_the_database_gives_back_matches_the_hash_written(ms_client, therapist, changes):
    token = context.bind(context.RequestContext("req-1", "2001:DB8:0:0:0:0:0:A"))
    try:
        written = _record(therapist, ms_client, changes=changes)
    finally:
        context.unbind(token)
    stored = AuditEvent.objects.get(pk=written.pk)
    assert stored.remote_addr == "2001:db8::a"
    assert chain.event_hash(stored) == stored.hash == written.hash


def test_changes_that_are_not_valid_json_numbers_are_refused_and_nothing_is_written(
    ms_client, therapist
):
    before = AuditEvent.objects.count()
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        _record(therapist, ms_client, changes={"score": float("nan")})
    assert AuditEvent.objects.count() == before


def test_verifying_an_untouched_trail_finds_it_intact(ms_client, therapist):
    last = _record(therapist, ms_client)
    report = chain.verify_trail()
    assert report.intact
    assert (report.events, report.last_id, report.last_hash) == (3, last.pk, last.hash)


def test_the_hashed_bytes_are_the_whole_events_sorted_json_however_they_are_built(
    ms_client, therapist
):
    event = _record(therapist, ms_client, changes={"a": "Ünï “q” \\", "n": 2.0, "z": [None]})
    fields = {name: getattr(event, name) for name in chain.HASHED_FIELDS}
    fields["occurred_at"] = event.occurred_at.isoformat(timespec="microseconds")
    fields["changes"] = {"a": "Ünï “q” \\", "n": 2, "z": [None]}
    whole = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    head, tail = chain.canonical_parts(event)
    assert (
        chain.canonical(event)
        == whole.encode()
        == head + f'"{event.previous_hash}"'.encode() + tail
    )


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_an_audited_read_outside_a_transaction_is_one_statement(
    ms_client, therapist, django_assert_num_queries
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite appends from Python, inside BEGIN IMMEDIATE")
    first = _record(therapist, ms_client)
    with django_assert_num_queries(1) as captured:
        second = _record(therapist, ms_client)
    assert "msrelief_audit_append" in captured.captured_queries[0]["sql"]
    assert second.previous_hash == first.hash
    assert AuditEvent.objects.get(pk=second.pk).hash == second.hash == chain.event_hash(second)
    assert chain.verify_trail().intact
