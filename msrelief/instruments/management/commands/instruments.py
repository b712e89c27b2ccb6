"""`msrelief instruments`: the instrument codes, versions and licences that ship."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from msrelief.scoring import list_instruments


class Command(BaseCommand):
    help = "List the instruments msrelief scores: code, version, licence, item text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = list_instruments()
        if options["json"]:
            self.stdout.write(json.dumps(rows, indent=2))
            return
        self.stdout.write(f"{'code':<16}{'version':<9}{'item text':<12}title / licence")
        for row in rows:
            self.stdout.write(
                f"{row['code']!s:<16}{row['version']!s:<9}{row['item_text']!s:<12}{row['title']}"
            )
            self.stdout.write(f"{'':<37}{row['licence']}")
