"""The session engine (msrelief/accounts/sessions.py) reads a session as Django's database
sessions do, by a query compiled once: a live session loads, an expired or unknown one is empty
and gets a new key; a signed-in session's row names its login, which comes with it."""

import datetime as dt

import pytest
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from msrelief.accounts import backends
from msrelief.accounts.models import LoginSession
from msrelief.accounts.sessions import SessionStore
from msrelief.testing import PASSWORD


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
    LoginSession.objects.filter(session_key=key).update(
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


def test_a_signed_in_session_names_its_login_in_its_row_and_a_visitors_names_none(db, therapist):
    signed_in = _saved(**{SESSION_KEY: str(therapist.pk), "visitor": "Tess"})
    visitor = _saved(visitor="Ruth")
    rows = {row.session_key: row.user_id for row in LoginSession.objects.all()}
    assert rows == {signed_in: therapist.pk, visitor: None}


def test_the_login_read_with_the_session_is_handed_to_the_backend_once_and_only_for_its_id(
    db, therapist, admin_user
):
    key = _saved(**{SESSION_KEY: str(therapist.pk)})
    SessionStore(key).load()
    backend = backends.PasswordBackend()
    with CaptureQueriesContext(connection) as queries:
        assert backend.get_user(admin_user.pk) == admin_user
        assert backend.get_user(therapist.pk) == therapist
    assert len(queries) == 1, "the other login is read; the session's own comes with it"
    with CaptureQueriesContext(connection) as queries:
        assert backend.get_user(therapist.pk) == therapist
    assert len(queries) == 1, "the offer was taken: a second ask reads the database"


def test_loading_a_visitors_session_withdraws_the_login_an_earlier_one_offered(db, therapist):
    SessionStore(_saved(**{SESSION_KEY: str(therapist.pk)})).load()
    SessionStore(_saved(visitor="Ruth")).load()
    with CaptureQueriesContext(connection) as queries:
        assert backends.PasswordBackend().get_user(therapist.pk) == therapist
    assert len(queries) == 1


@pytest.fixture
def signed_in(client, therapist, settings):
    """Tess signed in through the login page, with the real password backend."""
    settings.TWO_FACTOR_ENROLMENT_REQUIRED = False
    answer = client.post("/accounts/login/", {"username": therapist.email, "password": PASSWORD})
    assert answer.status_code == 302
    return client


def test_a_signed_in_page_reads_its_session_and_its_login_in_one_query(signed_in):
    browser = signed_in
    with CaptureQueriesContext(connection) as queries:
        assert browser.get("/clients/").status_code == 200
    sql = [query["sql"] for query in queries]
    sessions = [text for text in sql if '"accounts_loginsession"' in text]
    assert len(sessions) == 1 and 'JOIN "accounts_user"' in sessions[0]
    assert not [text for text in sql if text.startswith('SELECT "accounts_user"')]


def test_the_clinic_dashboard_drawn_from_its_cache_is_its_session_statement_alone(signed_in):
    browser = signed_in
    assert browser.get("/clients/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert browser.get("/clients/").status_code == 200
    (query,) = queries.captured_queries
    assert '"accounts_loginsession"' in query["sql"] and "audit_auditevent" in query["sql"]


def test_a_login_that_is_switched_off_is_signed_out_although_its_row_came_with_the_session(
    signed_in, therapist
):
    therapist.is_active = False
    therapist.save(update_fields=["is_active"])
    answer = signed_in.get("/clients/")
    assert answer.status_code == 302 and answer["Location"].startswith("/accounts/login/")


def test_deleting_a_login_deletes_its_sessions(db, therapist):
    _saved(**{SESSION_KEY: str(therapist.pk)})
    LoginSession.objects.filter(user=therapist).get().user.delete()
    assert not LoginSession.objects.exists()
