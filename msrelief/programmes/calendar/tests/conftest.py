"""The programme tests' fixtures (a template, Robin's enrolment, today's session), and a feed
helper: what a calendar app sees at a feed's address, parsed."""

from typing import Any

import pytest
from icalendar import Calendar

from msrelief.programmes.tests.conftest import enrolment, session, template

__all__ = ["enrolment", "session", "template"]


@pytest.fixture
def fetch(client: Any):
    """GET the feed of ``token`` and parse it; fails unless the answer is a 200 calendar."""

    def get(token: str) -> Calendar:
        response = client.get(f"/calendar/{token}.ics")
        assert response.status_code == 200, response.status_code
        return Calendar.from_ical(response.content)

    return get
