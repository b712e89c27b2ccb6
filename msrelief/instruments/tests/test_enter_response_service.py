import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from msrelief.instruments import services
from msrelief.instruments.models import Response
from msrelief.testing import PHQ9_ALL_ZERO


def test_a_paper_form_from_an_earlier_day_keeps_that_date(ms_client, therapist):
    day = timezone.localdate() - dt.timedelta(days=10)
    response = services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO, day)
    assert timezone.localtime(response.submitted_at).date() == day
    assert response.via == "staff"


def test_a_date_in_the_future_is_refused_and_nothing_is_stored(ms_client, therapist):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO, tomorrow)
    assert "completed_on" in error.value.message_dict
    assert not Response.objects.exists()


def test_a_walk_test_is_scored_as_the_mean_of_two_trials(ms_client, therapist):
    response = services.enter_response(therapist, ms_client, "t25fw", {"1": 6.0, "2": 7.0})
    assert response.scores.get().total == pytest.approx(6.5)


def test_a_completion_date_before_the_clients_birth_year_is_refused(ms_client, therapist):
    import datetime as dt

    import pytest
    from django.core.exceptions import ValidationError

    from msrelief.instruments import services as measures
    from msrelief.instruments.models import Response
    from msrelief.testing import PHQ9_ALL_ZERO

    with pytest.raises(ValidationError) as error:
        measures.enter_response(
            therapist, ms_client, "phq9", PHQ9_ALL_ZERO, completed_on=dt.date(1979, 12, 31)
        )
    assert "born (1980)" in error.value.message_dict["completed_on"][0]
    assert not Response.objects.exists()
