"""``msrelief audit verify``: walk the audit trail's hash chain and report the first broken
link; check that the database's append-only triggers are in place."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from msrelief.audit import append_only, chain


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain and triggers (audit verify). It names the first broken "
        "link and exits 1 if an event was changed or removed behind the app's back, "
        "or if the database's append-only triggers are missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser("verify", help="Walk the hash chain from the first event to the last.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = chain.verify_trail()
        if report.broken:
            raise CommandError(report.broken)
        missing = append_only.missing(connection)
        if missing:
            raise CommandError(
                f"the chain is intact ({report.events} events), but the audit table's "
                f"append-only triggers are missing ({', '.join(missing)}): create them again "
                "with `msrelief migrate audit 0005` and then `msrelief migrate audit`"
            )
        self.stdout.write(f"OK: {report.events} events, chain intact")
        if report.last_id is not None:
            self.stdout.write(
                f"The last is event #{report.last_id}, hash {report.last_hash}: note it "
                "elsewhere to tell later whether events were removed from the end."
            )
