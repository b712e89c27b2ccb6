"""The session engine (msrelief/core/sessions.py) reads a session as Django's database sessions
do, by a query compiled once: a live session loads, an expired or unknown one is empty and
gets a new key."""

import datetime as dt

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from msrelief.core.sessions import SessionStore


def _saved(**data):
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def test_a_saved_session_loads_with_what_it_holds(db):
    key = _saved(visitor="Ruth")
    assert SessionStore(key).load() == {"visitor": "Ruth"}


def test_loading_a_session_is_one_query(db):
    key = _saved(visitor="Ruth")
    SessionStore(key).load()
    with CaptureQueriesContext(connection) as queries:
        SessionStore(key).load()
    assert len(queries) == 1


def test_an_expired_session_is_empty_and_its_key_is_dropped(db):
    key = _saved(visitor="Ruth")
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None


def test_an_unknown_key_is_an_empty_session(db):
    store = SessionStore("no-such-session-key-at-all")
    assert store.load() == {}
    assert store.session_key is None


def test_a_change_saved_after_a_first_load_shows_in_the_next(db):
    key = _saved(visitor="Ruth")
    SessionStore(key).load()
    store = SessionStore(key)
    store["visitor"] = "Ruth again"
    store.save()
    assert SessionStore(key).load() == {"visitor": "Ruth again"}
