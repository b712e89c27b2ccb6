import pytest
from django.db import IntegrityError

from msrelief.instruments.models import SafetyFlag, SignalSource


def test_a_flag_from_a_screen_needs_no_response(ms_client):
    flag = SafetyFlag.objects.create(
        clinic=ms_client.clinic,
        client=ms_client,
        source_kind=SignalSource.SCREEN,
        code="screen-refer",
        message="Refer before massage",
    )
    assert flag.response is None


def test_a_flag_from_a_response_must_name_it(ms_client):
    with pytest.raises(IntegrityError):
        SafetyFlag.objects.create(
            clinic=ms_client.clinic, client=ms_client, code="phq9-item9-positive", message="x"
        )
