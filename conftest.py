"""Personas shared by every test: a therapist, a colleague in the same clinic, a clinic
admin, an outsider from another clinic, and a person with MS who has a client login."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from msrelief.core.signin import TEST_LOGIN_BACKEND
from msrelief.testing import make_client_record, make_user

# Hypothesis: `ci` tries the same examples on every run and machine (a red CI run is
# reproducible, and prints the blob that replays a failure); `dev` explores new random
# examples each run. CI sets CI=true; HYPOTHESIS_PROFILE=ci|dev chooses explicitly.
# Both start from hypothesis' plain defaults, not from whatever profile it picked by itself.
_defaults = hypothesis_settings.get_profile("default")
hypothesis_settings.register_profile(
    "ci",
    _defaults,
    derandomize=True,
    max_examples=100,
    deadline=None,
    print_blob=True,
    database=None,
)
hypothesis_settings.register_profile("dev", _defaults)


def _hypothesis_profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    in_ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}
    return "ci" if in_ci else "dev"


hypothesis_settings.load_profile(_hypothesis_profile())

# A zone far from UTC, with daylight saving, flushes out hidden UTC assumptions.
TEST_TIME_ZONE = "Pacific/Auckland"

# MSRELIEF_TEST_CLOCK=2026-12-07T23:55 runs the whole suite as if it started at that moment
# in the test time zone (the clock then ticks on): a test that only passes at some hours of
# the day (a session "this morning" already over, "today" in UTC being tomorrow here) fails
# on every run at the hour it assumes wrongly, not on one CI run in twenty.
_TEST_CLOCK = os.environ.get("MSRELIEF_TEST_CLOCK", "").strip()
_clock_key = pytest.StashKey[Any]()


def pytest_configure(config: pytest.Config) -> None:
    if _TEST_CLOCK:
        from zoneinfo import ZoneInfo

        import time_machine

        moment = dt.datetime.fromisoformat(_TEST_CLOCK)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=ZoneInfo(TEST_TIME_ZONE))
        config.stash[_clock_key] = traveller = time_machine.travel(moment, tick=True)
        traveller.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_clock_key, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    return f"MSRELIEF_TEST_CLOCK: the suite starts at {_TEST_CLOCK}" if _TEST_CLOCK else None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """pytest-django's test databases, each marked as a throwaway test database: the audit
    table's triggers then let Django's flush empty it between transactional tests. Only this
    fixture creates the marker (msrelief/audit/append_only.py explains why)."""
    from django.db import connections

    from msrelief.audit.append_only import THROWAWAY_MARKER

    with django_db_blocker.unblock():
        for connection in connections.all():
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE TABLE IF NOT EXISTS {THROWAWAY_MARKER} (id integer)")


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache: pages cached under a data version or an id would
    otherwise reach the next test, whose rolled-back database gives out the same ids again."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _no_offered_login() -> None:
    """A session loaded outside a request in one test offers its login to the password backend
    (msrelief/accounts/backends.py); a request withdraws it, and so does the start of a test,
    whose rolled-back database gives out the same ids again."""
    from msrelief.accounts.backends import withdraw_offer

    withdraw_offer()


@pytest.fixture(autouse=True)
def _non_utc_time_zone(settings: Any) -> None:
    settings.TIME_ZONE = TEST_TIME_ZONE


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: Any, request: pytest.FixtureRequest) -> None:
    # Argon2 is deliberately slow; tests that check hashing ask for it with a marker.
    if "argon2" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_after_commit(settings: Any) -> None:
    # The outbox hands each message to a background task after commit; in tests the task runs
    # at once (still after commit), so a test sees the email once the transaction commits.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _force_login_is_signed_in(settings: Any, request: pytest.FixtureRequest) -> None:
    # client.force_login sessions count as fully signed in (msrelief/testing.py explains).
    settings.AUTHENTICATION_BACKENDS = [TEST_LOGIN_BACKEND, *settings.AUTHENTICATION_BACKENDS]
    # Browser tests sign in through the login page, with a password only; those that are not
    # about two factors would stop at the set-up page that a clinic admin must pass.
    if "page" in request.fixturenames and "two_factor" not in request.keywords:
        settings.TWO_FACTOR_ENROLMENT_REQUIRED = False


@pytest.fixture
def clinic(db: None) -> Any:
    from msrelief.accounts.models import Clinic

    return Clinic.objects.create(name="Harbour Street Clinic")


@pytest.fixture
def other_clinic(db: None) -> Any:
    from msrelief.accounts.models import Clinic

    return Clinic.objects.create(name="Hillside Practice")


@pytest.fixture
def therapist(clinic: Any) -> Any:
    return make_user("tess@harbour.test", clinic, "therapist", full_name="Tess Therapist")


@pytest.fixture
def colleague(clinic: Any) -> Any:
    return make_user("cal@harbour.test", clinic, "therapist", full_name="Cal Colleague")


@pytest.fixture
def clinic_admin(clinic: Any) -> Any:
    return make_user("alex@harbour.test", clinic, "clinic_admin", full_name="Alex Admin")


@pytest.fixture
def outsider(other_clinic: Any) -> Any:
    return make_user("olu@hillside.test", other_clinic, "therapist", full_name="Olu Outsider")


@pytest.fixture
def person_with_ms(clinic: Any) -> Any:
    return make_user("robin@example.test", clinic, "client", full_name="Robin Example")


@pytest.fixture
def ms_client(therapist: Any) -> Any:
    """Robin's client record, kept by Tess in the Harbour Street Clinic."""
    return make_client_record(therapist)


@pytest.fixture
def steady_clock() -> Any:
    """The clock held still (a second from now, ``tick=False``) for a test that counts requests
    against a rate limit: the limiter counts in fixed windows, so a test whose requests fall
    either side of a window's turn would see the count start again."""
    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now() + dt.timedelta(seconds=1), tick=False) as traveller:
        yield traveller
