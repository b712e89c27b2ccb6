"""Small factories for tests: personas and records made through the same services as real use.

Signing in, in tests. Most tests log a persona in with ``client.force_login(user)`` and are not
about signing in. The root conftest.py puts :class:`TestLoginBackend` first in
AUTHENTICATION_BACKENDS, so ``force_login`` records it as the session's backend, and
msrelief.core.signin.is_test_login then treats that session as fully signed in: second factor
given and password proven just now (re-authentication). Nothing else changes: a test that signs
in through the login page, or calls ``force_login(user, backend=PASSWORD_BACKEND)``, meets every
rule (the code step, enrolment, re-authentication, timeouts) exactly as a real user does; the
tests of those rules do that. msrelief/settings.py never lists this backend, and Django loads a
session only while its backend is listed, so outside the test suite such a session cannot exist.

Browser tests sign in through the login page, with a password only. For those not marked
``two_factor``, conftest.py sets settings.TWO_FACTOR_ENROLMENT_REQUIRED off, so that a clinic
admin reaches the pages under test instead of the set-up page; a login that has an app is still
asked for its code. tests/browser/test_two_factor.py is marked and meets every rule.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

PASSWORD = "a-long-test-password-42"  # noqa: S105  (test logins only)
#: The real backend, for ``client.force_login(user, backend=PASSWORD_BACKEND)``.
PASSWORD_BACKEND = "msrelief.accounts.backends.PasswordBackend"  # noqa: S105  (a class path)


class TestLoginBackend:
    """The backend of ``force_login`` sessions in tests (see the module's docstring). It never
    checks a password (a login through the login page is done by the real backends) and gives
    no permissions (ModelBackend, listed after it, still does)."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def get_user(self, user_id: Any) -> Any:
        from django.contrib.auth import get_user_model

        user = get_user_model()._default_manager.filter(pk=user_id).first()
        return user if user is not None and user.is_active else None


def next_code(user: Any, *, confirmed: bool = True) -> str:
    """A code ``user``'s authenticator app would accept now: this time step's, or the next
    step's when this one was already used (django-otp refuses a code twice, and accepts one
    step ahead), computed from the device's key as the app computes it."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=confirmed).latest("pk")
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time()
    step = max(clock.t(), device.last_t + 1)
    clock.time = device.t0 + (step - device.drift) * device.step
    return f"{clock.token():0{device.digits}d}"


def enrol_totp(user: Any) -> list[str]:
    """Give ``user`` a confirmed authenticator app, as the set-up page does; returns the
    recovery codes."""
    from msrelief.accounts import signin_services

    device = signin_services.start_enrolment(user)
    return signin_services.confirm_enrolment(user, device, next_code(user, confirmed=False))


def make_passkey(user: Any, name: str = "Passkey 1") -> Any:
    """A confirmed passkey for ``user``, as the package's registration would save it (its key
    is made up: tests that sign in with it use a browser's virtual authenticator)."""
    import secrets

    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.create(
        user=user,
        name=name,
        confirmed=True,
        credential_id=secrets.token_bytes(16),
        public_key=b"not a real key",
        aaguid="00000000-0000-0000-0000-000000000000",
    )


def audit_turn_queries() -> int:
    """The queries an audit event costs besides its INSERT: on SQLite reading the last event's
    hash (msrelief.audit.chain.take_turn); none on PostgreSQL, where one call of the append
    function takes the turn, reads the hash and inserts (msrelief/audit/append_pg.py)."""
    from django.db import connection

    return 0 if connection.vendor == "postgresql" else 1


def page_request(user: Any, path: str = "/", message: str = "") -> Any:
    """A GET request for drawing a page outside a view, as the middleware leaves it: ``user``
    signed in, a CSRF token issued, and ``message`` (if any) waiting to be shown."""
    from django.contrib.messages import SUCCESS
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    request = RequestFactory().get(path)
    request.user = user
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    if message:
        request._messages.add(SUCCESS, message)  # type: ignore[attr-defined]
    get_token(request)
    return request


def make_user(email: str, clinic: Any = None, role: str = "", **extra: Any) -> Any:
    from msrelief.accounts.models import User

    return User.objects.create_user(email, PASSWORD, clinic=clinic, role=role, **extra)


def make_client_record(actor: Any, **fields: Any) -> Any:
    """A client created through the service, as a therapist would."""
    from msrelief.clients import services

    defaults: dict[str, Any] = {
        "display_name": "Robin Example",
        "year_of_birth": 1980,
        "phenotype": "RRMS",
        "diagnosis_year": 2010,
        "edss": Decimal("3.5"),
        "notes": "Prefers morning sessions.",
    }
    defaults.update(fields)
    return services.create_client(actor, consented_on=dt.date(2026, 1, 5), **defaults)


def assign(actor: Any, client: Any, code: str = "phq9", **options: Any) -> tuple[Any, str]:
    """Give ``client`` a questionnaire as ``actor`` would; returns (administration, token)."""
    from msrelief.instruments import services

    return services.assign_instrument(actor, client, code, **options)


PHQ9_ALL_ZERO = {str(n): 0.0 for n in range(1, 10)}


def licensed_wording(code: str = "mfis21") -> dict[str, Any]:
    """What a clinic holding a licence would import: the definition's FHIR Questionnaire with
    wording in every item and a label on every answer. The wording here is invented; real
    licensed text is never in this repository."""
    import copy

    from msrelief.scoring import get_definition

    resource: dict[str, Any] = copy.deepcopy(get_definition(code).questionnaire)
    for item in resource["item"]:
        item["text"] = f"Licensed wording of question {item['linkId']}"
        for option in item.get("answerOption", []):
            option["valueCoding"]["display"] = f"Licensed answer {option['valueCoding']['code']}"
    return resource


def assert_matches_snapshot(text: str, path: Any) -> None:
    """Compare ``text`` with a committed snapshot file. Set MSRELIEF_UPDATE_SNAPSHOTS=1 to
    (re)write the snapshot after a deliberate change, then review and commit the diff."""
    import os
    from pathlib import Path

    snapshot = Path(path)
    if os.environ.get("MSRELIEF_UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(text)
    assert snapshot.exists(), f"no snapshot {snapshot}; run with MSRELIEF_UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(), (
        f"{snapshot.name} changed; if deliberate, rerun with MSRELIEF_UPDATE_SNAPSHOTS=1"
    )


# --- Fuzzing the importers (the test_*_fuzz.py files; `make fuzz-importers`) ------------------


def fuzz_settings() -> Any:
    """Hypothesis settings of an importer's fuzz test: MSRELIEF_FUZZ_IMPORTER_EXAMPLES examples
    (60 in the ordinary suite; `make fuzz-importers` asks for 5,000 each)."""
    import os

    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=int(os.environ.get("MSRELIEF_FUZZ_IMPORTER_EXAMPLES", "60")),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
    )


def hostile_text(structured: Any) -> Any:
    """Text an importer may be handed: ``structured`` (a strategy for text that looks like the
    format), that text with CR-only line endings or a NUL byte put in, any text at all, and
    inputs built to hurt: nesting thousands of levels deep, numbers of thousands of digits or
    past a float's range, long runs of one character."""
    from hypothesis import strategies as st

    def with_nul(pair: tuple[str, int]) -> str:
        text, at = pair
        at = at % (len(text) + 1)
        return text[:at] + "\x00" + text[at:]

    deep = st.tuples(st.sampled_from(["[", "{", "{{", '{"a":', "@a{", "("]), st.integers(1, 5000))
    huge = st.one_of(
        st.integers(1, 6000).map(lambda n: "9" * n),
        st.sampled_from(["1e999999", "-1e999999", "1e-999999", "NaN", "-Infinity", "-0", "0x1F"]),
    )
    return st.one_of(
        structured,
        structured.map(lambda text: text.replace("\r\n", "\r").replace("\n", "\r")),
        st.tuples(structured, st.integers(0, 10**6)).map(with_nul),
        st.text(max_size=400),
        deep.map(lambda pair: pair[0] * pair[1]),
        st.tuples(structured, huge).map(lambda pair: pair[0].replace("1", pair[1], 1)),
        st.tuples(st.characters(), st.integers(1, 20000)).map(lambda pair: pair[0] * pair[1]),
    )


def hostile_bytes(structured: Any) -> Any:
    """The bytes of a file an importer may be handed: :func:`hostile_text` in UTF-8 (with or
    without a byte-order mark), UTF-16, Latin-1 or Windows-1252 where it encodes, and any
    bytes at all."""
    from hypothesis import strategies as st

    def encoded(pair: tuple[str, str]) -> bytes:
        text, encoding = pair
        return text.encode(encoding, errors="replace")

    codecs = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
    return st.one_of(st.tuples(hostile_text(structured), codecs).map(encoded), st.binary())


def mutated_json(document: Any) -> Any:
    """JSON texts of ``document`` with one value (anywhere in it) replaced by another value or
    by something of the wrong kind: a huge number, a NUL byte, a list where a string was."""
    import copy
    import json

    from hypothesis import strategies as st

    def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        found = [path]
        if isinstance(node, dict | list):
            for key, child in node.items() if isinstance(node, dict) else enumerate(node):
                found += paths(child, (*path, key))
        return found

    def replaced(pair: tuple[tuple[Any, ...], Any]) -> str:
        path, value = pair
        if not path:
            return json.dumps(value)
        changed = copy.deepcopy(document)
        node = changed
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return json.dumps(changed)

    values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers(min_value=-(10**30), max_value=10**30)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20)
        | st.just("\x00"),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=10,
    )
    return st.tuples(st.sampled_from(paths(document)), values).map(replaced)
