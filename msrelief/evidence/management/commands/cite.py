"""``msrelief cite KEY --style harvard|apa|vancouver``: print one stored reference, formatted.

It reads the reference through :mod:`msrelief.evidence.stored_references`, so the console
script runs it with no app loaded (docs/cli.md); under ``manage.py`` or ``call_command`` it
does the same in a process whose apps are loaded.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from msrelief.evidence import citations, stored_references
from msrelief.evidence.bibliography import STYLES


class Command(BaseCommand):
    help = "Print the stored reference KEY in Harvard, APA or Vancouver style."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("key", help="The citation key, for example naderi2024.")
        parser.add_argument("--style", choices=list(STYLES), default=citations.DEFAULT_STYLE)

    def handle(self, *args: Any, **options: Any) -> None:
        key = options["key"]
        try:
            reference = stored_references.find(key)
            keys = [] if reference is not None else stored_references.keys()
        except DatabaseError as error:
            raise CommandError(
                f"The references cannot be read from the database ({error}). "
                "Run `msrelief migrate` and `msrelief load-evidence` first."
            ) from error
        if reference is None:
            near = citations.close_keys(key, keys)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise CommandError(f"No reference has the citation key {key!r}.{hint}")
        self.stdout.write(citations.formatted(reference, options["style"], fmt="text"))
