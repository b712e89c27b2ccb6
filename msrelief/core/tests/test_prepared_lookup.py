"""A prepared lookup (msrelief/core/prepared.py) gives what the ORM query it stands for gives,
field for field and with its ``select_related`` object, reads the row afresh every time, and
counts as one query."""

import datetime as dt

import pytest
from django.db import connection, connections
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup
from msrelief.instruments import services
from msrelief.instruments.access import BY_TOKEN_HASH
from msrelief.instruments.models import Administration, Status
from msrelief.instruments.tokens import hash_token
from msrelief.testing import assign


def _orm(token_hash):
    return Administration.objects.select_related("clinic").get(token_hash=token_hash)


def _values(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


def test_a_link_found_by_its_token_has_every_field_and_its_clinic_as_the_orm_gives_them(
    therapist, ms_client
):
    administration, token = assign(therapist, ms_client)
    found = BY_TOKEN_HASH.first(hash_token(token))
    expected = _orm(hash_token(token))
    assert found is not None and found.pk == administration.pk
    assert _values(found) == _values(expected)
    assert isinstance(found.token_expires_at, dt.datetime) and found.token_expires_at.tzinfo
    assert isinstance(found.draft, dict)
    assert found._state.adding is False and found._state.db == "default"
    with CaptureQueriesContext(connection) as queries:
        assert _values(found.clinic) == _values(expected.clinic)
    assert len(queries) == 0


def test_an_unknown_token_finds_nothing(db):
    assert BY_TOKEN_HASH.first(hash_token("no-such-token")) is None


def test_a_change_made_after_a_first_lookup_shows_in_the_next(therapist, ms_client):
    administration, token = assign(therapist, ms_client)
    assert BY_TOKEN_HASH.first(hash_token(token)).status == Status.PENDING
    services.cancel_administration(therapist, administration)
    assert BY_TOKEN_HASH.first(hash_token(token)).status == Status.CANCELLED


def test_a_lookup_is_one_query_and_compiles_once_per_connection(therapist, ms_client):
    _, token = assign(therapist, ms_client)
    BY_TOKEN_HASH.first(hash_token(token))
    with CaptureQueriesContext(connection) as queries:
        BY_TOKEN_HASH.first(hash_token(token))
    assert len(queries) == 1
    assert "LIMIT 1" in queries[0]["sql"].upper()
    assert connections["default"] in BY_TOKEN_HASH._compiled


@pytest.mark.django_db(transaction=True)  # a connection closes only outside a transaction
def test_the_lookup_still_works_once_the_database_connection_was_closed(therapist, ms_client):
    _, token = assign(therapist, ms_client)
    BY_TOKEN_HASH.first(hash_token(token))
    connection.close()
    assert BY_TOKEN_HASH.first(hash_token(token)) is not None


def test_a_queryset_that_uses_its_value_twice_or_not_at_all_is_refused(db):
    twice = PreparedLookup(
        Administration,
        lambda value: Administration.objects.filter(token_hash=value, instrument_code=value)[:1],
    )
    unused = PreparedLookup(Administration, lambda value: Administration.objects.all()[:1])
    for lookup in (twice, unused):
        with pytest.raises(ValueError, match="uses once"):
            lookup.first("x")


def test_the_querys_constants_are_kept_as_compiled(therapist, ms_client):
    assign(therapist, ms_client, "gad7")
    assign(therapist, ms_client, "phq9")
    lookup = PreparedLookup(
        Administration,
        lambda client_id: Administration.objects.filter(
            client=client_id, instrument_code="gad7", status=Status.PENDING
        ),
        marker=INTEGER_MARKER,
    )
    assert [found.instrument_code for found in lookup.rows(ms_client.pk)] == ["gad7"]
    assert lookup.rows(ms_client.pk + 1000) == []


def test_rows_come_in_the_querysets_order_with_annotations_and_deferred_fields_as_the_orm_gives(
    therapist, ms_client
):
    for code in ("gad7", "phq9", "who5"):
        assign(therapist, ms_client, code)

    def build(client_id):
        return (
            Administration.objects.filter(client=client_id)
            .select_related("clinic")
            .only("instrument_code", "clinic__name")
            .annotate(doubled=F("pk") * 2)
            .order_by("-instrument_code")
        )

    lookup = PreparedLookup(Administration, build, marker=INTEGER_MARKER)
    found, expected = lookup.rows(ms_client.pk), list(build(ms_client.pk))
    assert [row.instrument_code for row in found] == ["who5", "phq9", "gad7"]
    assert [(row.pk, row.doubled, row.clinic.name) for row in found] == [
        (row.pk, row.doubled, row.clinic.name) for row in expected
    ]
    assert found[0].get_deferred_fields() == expected[0].get_deferred_fields() != set()


def test_changing_the_time_zone_setting_compiles_afresh(therapist, ms_client, settings):
    _, token = assign(therapist, ms_client)
    BY_TOKEN_HASH.first(hash_token(token))
    settings.TIME_ZONE = "America/New_York"
    assert connections["default"] not in BY_TOKEN_HASH._compiled
