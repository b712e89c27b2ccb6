import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.instruments import services
from msrelief.testing import PHQ9_ALL_ZERO


@pytest.fixture
def response(ms_client, therapist):
    return services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)


def test_a_correction_is_a_new_version_and_the_original_stays(response, colleague):
    new = services.correct_response(colleague, response, {**PHQ9_ALL_ZERO, "1": 2}, "Typo")
    response.refresh_from_db()
    assert response.answers["1"] == 0
    assert not response.is_current
    assert (new.supersedes, new.correction_reason) == (response, "Typo")
    assert new.scores.get().total == 2


def test_a_correction_needs_a_reason(response, therapist):
    with pytest.raises(ValidationError) as error:
        services.correct_response(therapist, response, PHQ9_ALL_ZERO, "  ")
    assert "reason" in error.value.message_dict


def test_an_outdated_version_cannot_be_corrected_again(response, therapist):
    services.correct_response(therapist, response, PHQ9_ALL_ZERO, "First fix")
    response.refresh_from_db()
    with pytest.raises(ValidationError, match="latest version"):
        services.correct_response(therapist, response, PHQ9_ALL_ZERO, "Second fix")


def test_an_outsider_cannot_correct(response, outsider):
    with pytest.raises(Http404):
        services.correct_response(outsider, response, PHQ9_ALL_ZERO, "x")


def test_staff_entry_with_a_value_out_of_range_names_the_item(ms_client, therapist):
    with pytest.raises(ValidationError) as error:
        services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "4": 7})
    assert "4" in str(error.value)
