"""``msrelief purge [--dry-run]``: remove what is kept longer than the retention settings."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from msrelief.privacy import retention


class Command(BaseCommand):
    help = (
        "Remove what is kept past the retention settings. Clients are erased (except those on "
        "legal hold, which are listed), old messages and sign-in links deleted; --dry-run only "
        "says how many of each."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count, remove nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            counts = retention.due()
            verb = "would remove"
        else:
            counts = retention.purge()
            verb = "removed"
        for kind, n in counts.items():
            self.stdout.write(f"{kind}: {verb} {n}")
        for number in retention.held_past_period():
            self.stdout.write(f"client #{number}: on legal hold, kept")
