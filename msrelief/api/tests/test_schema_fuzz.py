"""Schemathesis against the committed OpenAPI schema: generated requests to every operation,
as an anonymous caller and as a signed-in therapist, get no server error and answers that
conform to the schema (status codes, content types, bodies).

``MSRELIEF_FUZZ_EXAMPLES`` sets the cases per operation and caller (default below); docs/api.md
says how to run a longer pass."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

EXAMPLES = int(os.environ.get("MSRELIEF_FUZZ_EXAMPLES", "100"))
#: Every check of schemathesis runs, with two of them told what else a correct answer can be:
#:
#: * a request that breaks the schema may also get 413 when it is over the size limit (the
#:   generator makes multi-megabyte strings; the edge refuses them before parsing);
#: * a request that fits the schema may still get 400 from a rule the schema cannot state (a
#:   meta-analysis needs two studies with positive variances; a screen's date must be a real
#:   day), 404 (an instrument, reference or response that does not exist), 401/403 (no staff
#:   session, or no CSRF token), 413 or 429 (rate limit). Anything else (a 405, a 422, a 5xx) is
#:   still a failure.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [
                    "400",
                    "401",
                    "403",
                    "404",
                    "405",
                    "406",
                    "409",
                    "413",
                    "415",
                    "422",
                    "428",
                    "429",
                ]
            },
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "413", "429"]
            },
        }
    }
)

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """The WSGI app is called in this process, inside the test's transaction. Django closes
    the database connection when a request ends; its own test client stops that for the
    length of a request, and so does this fixture for the test (on PostgreSQL the next
    request would otherwise find the connection closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in_cookie(client, therapist) -> dict[str, str]:
    client.force_login(therapist)
    return {"sessionid": client.cookies["sessionid"].value}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_requests_get_no_server_error_and_conform_to_the_schema(case, signed_in_cookie):
    case.call_and_validate()
    case.call_and_validate(cookies=signed_in_cookie)
