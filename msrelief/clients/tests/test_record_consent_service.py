import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.clients import services


def test_a_new_consent_is_recorded_with_its_text_version(ms_client, colleague):
    record = services.record_consent(
        colleague, ms_client, text_version="2026-11", consented_on=dt.date(2026, 2, 1)
    )
    assert record.recorded_by == colleague
    assert ms_client.consents.count() == 2


def test_an_unknown_consent_text_version_is_refused(ms_client, therapist):
    with pytest.raises(ValidationError) as error:
        services.record_consent(
            therapist, ms_client, text_version="1999-01", consented_on=dt.date(2026, 2, 1)
        )
    assert "text_version" in error.value.message_dict


def test_an_outsider_cannot_record_consent(ms_client, outsider):
    with pytest.raises(Http404):
        services.record_consent(
            outsider, ms_client, text_version="2026-11", consented_on=dt.date(2026, 2, 1)
        )
