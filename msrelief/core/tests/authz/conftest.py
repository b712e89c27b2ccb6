"""The matrix's world, built once per test module inside a transaction that is rolled back
when the module ends; each test runs inside it (pytest-django's own transaction becomes a
savepoint), so a write by one request is undone before the next test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from msrelief.core.tests.authz.factory import World, build


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    from django.core.cache import cache
    from django.db import connection

    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        # Only with pytest-django's test database (a test module marked django_db), never the
        # database a developer works in.
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        built = build()
        yield built
        transaction.set_rollback(True)
    cache.clear()
