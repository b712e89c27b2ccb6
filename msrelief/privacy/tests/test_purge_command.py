"""``msrelief purge``: a dry run counts and removes nothing; the run erases clients past
their retention period (as the system, audited) and deletes old messages."""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from msrelief.audit.chain import verify_trail
from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client
from msrelief.privacy.models import Tombstone


def _age(client, years):
    Client.objects.filter(pk=client.pk).update(
        updated_at=timezone.now() - dt.timedelta(days=365 * years + 1)
    )


def _run(*args):
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_says_what_would_go_and_removes_nothing(ms_client, settings):
    settings.RETAIN_CLIENT_YEARS = 8
    _age(ms_client, 9)
    assert "clients: would remove 1" in _run("--dry-run")
    assert Client.objects.filter(pk=ms_client.pk).exists()


def test_the_run_erases_a_client_past_the_period_as_the_system(ms_client, settings):
    settings.RETAIN_CLIENT_YEARS = 8
    _age(ms_client, 9)
    assert "clients: removed 1" in _run()
    assert not Client.objects.filter(pk=ms_client.pk).exists()
    tombstone = Tombstone.objects.get()
    assert tombstone.erased_by is None and "Retention" in tombstone.reason
    event = AuditEvent.objects.get(event="client.erased")
    assert event.actor is None and event.changes == {"by": "retention"}
    assert verify_trail().intact


def test_a_client_seen_within_the_period_stays(ms_client, settings):
    settings.RETAIN_CLIENT_YEARS = 8
    _age(ms_client, 7)
    assert "clients: removed 0" in _run()
    assert Client.objects.filter(pk=ms_client.pk).exists()


def test_a_client_on_legal_hold_is_listed_by_the_dry_run_and_kept_by_the_run(
    ms_client, clinic_admin, settings
):
    from msrelief.privacy import services

    settings.RETAIN_CLIENT_YEARS = 8
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    _age(ms_client, 9)
    dry = _run("--dry-run")
    assert "clients: would remove 0" in dry
    assert f"client #{ms_client.pk}: on legal hold, kept" in dry
    run = _run()
    assert "clients: removed 0" in run and f"client #{ms_client.pk}: on legal hold" in run
    assert Client.objects.filter(pk=ms_client.pk).exists()
