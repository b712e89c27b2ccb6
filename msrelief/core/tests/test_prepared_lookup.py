"""A prepared lookup (msrelief/core/prepared.py) gives what the ORM query it stands for gives,
field for field and with its ``select_related`` object, reads the row afresh every time, and
counts as one query."""

import datetime as dt

import pytest
from django.db import connection, connections
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from msrelief.core.prepared import PreparedLookup
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


def test_a_queryset_with_more_than_one_value_is_refused(db):
    lookup = PreparedLookup(
        Administration, lambda value: Administration.objects.filter(token_hash=value, pk=1)[:1]
    )
    with pytest.raises(ValueError, match="exactly one value"):
        lookup.first("x")


def test_a_queryset_with_an_annotation_or_deferred_fields_is_refused(db):
    annotated = PreparedLookup(
        Administration,
        lambda value: Administration.objects.filter(token_hash=value).annotate(x=F("pk"))[:1],
    )
    deferred = PreparedLookup(
        Administration,
        lambda value: Administration.objects.filter(token_hash=value).defer("draft")[:1],
    )
    for lookup in (annotated, deferred):
        with pytest.raises(ValueError, match="whole rows"):
            lookup.first("x")


def test_changing_the_time_zone_setting_compiles_afresh(therapist, ms_client, settings):
    _, token = assign(therapist, ms_client)
    BY_TOKEN_HASH.first(hash_token(token))
    settings.TIME_ZONE = "America/New_York"
    assert connections["default"] not in BY_TOKEN_HASH._compiled
