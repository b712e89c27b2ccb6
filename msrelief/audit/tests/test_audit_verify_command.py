"""``msrelief audit verify`` finds a row changed or removed behind the app's back."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from msrelief import cli
from msrelief.audit import append_only, chain, services
from msrelief.audit.models import Action, AuditEvent


@pytest.fixture
def trail(ms_client, therapist):
    """Five events, oldest first (the test's transaction rolls back whatever a test does)."""
    for _ in range(3):
        services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic)
    return list(AuditEvent.objects.order_by("id"))


def _behind_the_apps_back(sql, params=()):
    """Run ``sql`` as someone with database access would: with the triggers dropped first."""
    append_only.drop(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _verify():
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def test_an_untouched_trail_is_reported_intact_with_its_last_hash(trail):
    lines = _verify().splitlines()
    assert lines[0] == "OK: 5 events, chain intact"
    assert lines[1].startswith(f"The last is event #{trail[-1].pk}, hash {trail[-1].hash}: ")


def test_an_empty_trail_is_intact(db):
    assert _verify() == "OK: 0 events, chain intact\n"


def test_a_field_changed_behind_the_apps_back_is_named_by_its_event(trail):
    changed = trail[2]
    _behind_the_apps_back(
        "UPDATE audit_auditevent SET actor_email = %s WHERE id = %s",
        ["cal@harbour.test", changed.pk],
    )
    with pytest.raises(CommandError, match=rf"^event #{changed.pk}: its fields do not match"):
        _verify()


def test_a_change_with_a_recomputed_hash_breaks_the_link_from_the_next_event(trail):
    changed = trail[2]
    changed.object_label = "Client #999"
    forged = chain.event_hash(changed)
    _behind_the_apps_back(
        "UPDATE audit_auditevent SET object_label = %s, hash = %s WHERE id = %s",
        [changed.object_label, forged, changed.pk],
    )
    message = rf"^event #{trail[3].pk}: previous hash does not match event #{changed.pk}$"
    with pytest.raises(CommandError, match=message):
        _verify()


def test_a_removed_event_breaks_the_link_from_the_next_one(trail):
    _behind_the_apps_back("DELETE FROM audit_auditevent WHERE id = %s", [trail[1].pk])
    message = rf"^event #{trail[2].pk}: previous hash does not match event #{trail[0].pk}$"
    with pytest.raises(CommandError, match=message):
        _verify()


def test_a_removed_first_event_breaks_the_link_from_the_start_of_the_trail(trail):
    _behind_the_apps_back("DELETE FROM audit_auditevent WHERE id = %s", [trail[0].pk])
    message = rf"^event #{trail[1].pk}: previous hash does not match the start of the trail$"
    with pytest.raises(CommandError, match=message):
        _verify()


def test_an_intact_chain_without_its_triggers_is_reported_too(trail):
    append_only.drop(connection)
    with pytest.raises(CommandError, match=r"the chain is intact \(5 events\), but the audit"):
        _verify()


def test_the_command_line_prints_one_line_and_exits_1(trail, capsys):
    _behind_the_apps_back(
        "UPDATE audit_auditevent SET request_id = 'x' WHERE id = %s", [trail[4].pk]
    )
    with pytest.raises(SystemExit) as exit_status:
        cli.main(["msrelief", "audit", "verify"])
    assert exit_status.value.code == 1
    err = capsys.readouterr().err
    assert err == f"CommandError: event #{trail[4].pk}: its fields do not match its hash\n"
