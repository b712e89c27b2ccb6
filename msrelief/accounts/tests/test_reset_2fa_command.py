"""``msrelief reset-2fa EMAIL``: removes a login's app and recovery codes, audited."""

import pytest
from django.core.management import CommandError, call_command

from msrelief.accounts import signin_services as signin
from msrelief.audit.models import AuditEvent
from msrelief.testing import enrol_totp


def test_a_lost_second_factor_is_reset_from_the_command_line(clinic_admin, capsys):
    enrol_totp(clinic_admin)
    call_command("reset_2fa", clinic_admin.email)
    assert "is reset" in capsys.readouterr().out
    assert not signin.has_second_factor(clinic_admin)
    assert signin.recovery_codes_left(clinic_admin) == 0
    event = AuditEvent.objects.get(event="auth.2fa_reset")
    assert (event.actor, event.changes) == (None, {"via": "command line"})


def test_a_login_without_a_second_factor_is_a_one_line_error(therapist):
    with pytest.raises(CommandError, match="has no second factor to reset"):
        call_command("reset_2fa", therapist.email)
