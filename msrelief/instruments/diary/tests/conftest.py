import pytest

from msrelief.instruments.diary import services


@pytest.fixture
def plan_and_token(therapist, ms_client):
    """Robin's daily diary, started by Tess, and its standing link's token."""
    return services.start_diary(therapist, ms_client, "daily")


@pytest.fixture
def plan(plan_and_token):
    return plan_and_token[0]


ALL_FIVE = {
    "nrs-fatigue": 6.0,
    "nrs-pain": 3.0,
    "nrs-sleep": 7.0,
    "nrs-stress": 4.0,
    "nrs-stiffness": 5.0,
}
