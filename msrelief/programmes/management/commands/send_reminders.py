"""``msrelief send-reminders [--dry-run] [--at ISO-DATETIME] [--schedule]``: one reminder pass.

Prints one line per reminder sent (or, in a dry run, that would be sent), skipped, or waiting
for quiet hours to end: when (in the recipient's time zone), what happened, the recipient
kind and the reason. The worker runs the same pass on a schedule (``--schedule`` starts it)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from msrelief.programmes.reminders import services, tasks


def parse_at(text: str) -> dt.datetime:
    """An ISO date-time; without an offset it is read in the site's time zone."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"--at {text!r} is not an ISO date-time: write it as 2026-03-02T09:30 "
            "(optionally with an offset, such as +00:00)"
        ) from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = "Send the reminders due now (or at --at), once. --dry-run only says what it would do."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Decide and print; send and write nothing."
        )
        parser.add_argument(
            "--at", metavar="ISO-DATETIME", help="Decide as at this moment instead of now."
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Instead of a pass now, have the worker run one every 15 minutes.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            self.stdout.write(tasks.schedule())
            return
        now = parse_at(options["at"]) if options["at"] else timezone.now()
        lines = services.run_pass(now, dry_run=options["dry_run"])
        for line in lines:
            self.stdout.write(line.text())
        counts = Counter(line.action for line in lines)
        summary = ", ".join(f"{counts[action]} {action}" for action in sorted(counts)) or "nothing"
        prefix = "Dry run, nothing sent or written: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{summary}.")
