from typing import Any

import pytest

from msrelief.programmes.tests.factories import enrol, make_template, todays_session


@pytest.fixture
def template(db: None) -> Any:
    return make_template()


@pytest.fixture
def enrolment(therapist: Any, ms_client: Any, template: Any) -> Any:
    """Robin, enrolled by Tess from two weeks ago (so some sessions are past)."""
    import datetime as dt

    from msrelief.programmes.tests.factories import today

    return enrol(therapist, ms_client, template, start=today() - dt.timedelta(days=14))


@pytest.fixture
def session(enrolment: Any) -> Any:
    """A session of Robin's plan today."""
    return todays_session(enrolment)


@pytest.fixture
def trials(db: None) -> None:
    """The evidence base and the programme templates of its trials, as `make setup` loads them."""
    from msrelief.evidence import seeding as evidence
    from msrelief.programmes import seeding

    evidence.load()
    seeding.load()
