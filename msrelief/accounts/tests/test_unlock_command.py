"""``msrelief unlock EMAIL``: for a locked-out superuser, audited; bad input is one line."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from msrelief.accounts import signin_services as signin
from msrelief.audit.models import AuditEvent
from msrelief.testing import make_user


def test_a_locked_out_superuser_is_unlocked_from_the_command_line(client, db, capsys):
    root = make_user("root@msrelief.test", is_superuser=True, is_staff=True)
    for _ in range(10):
        client.post(reverse("accounts-login"), {"username": root.email, "password": "wrong"})
    assert signin.is_locked(root)
    call_command("unlock", "ROOT@msrelief.test")
    assert "root@msrelief.test is unlocked" in capsys.readouterr().out
    assert not signin.is_locked(root)
    event = AuditEvent.objects.get(event="auth.unlocked")
    assert (event.actor, event.changes) == (None, {"via": "command line"})


def test_an_unknown_address_or_a_login_that_is_not_locked_is_a_one_line_error(therapist):
    with pytest.raises(CommandError, match=re.escape("No login has the email address 'x@y.test'")):
        call_command("unlock", "x@y.test")
    with pytest.raises(CommandError, match=re.escape("tess@harbour.test is not locked.")):
        call_command("unlock", therapist.email)
