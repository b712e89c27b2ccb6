"""``msrelief cite KEY --style harvard|apa|vancouver``: print one stored reference, formatted."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.evidence import citations
from msrelief.evidence.bibliography import STYLES
from msrelief.evidence.models import Reference


class Command(BaseCommand):
    help = "Print the stored reference KEY in Harvard, APA or Vancouver style."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("key", help="The citation key, for example naderi2024.")
        parser.add_argument("--style", choices=list(STYLES), default=citations.DEFAULT_STYLE)

    def handle(self, *args: Any, **options: Any) -> None:
        key = options["key"]
        reference = Reference.objects.filter(key=key).first()
        if reference is None:
            keys = list(Reference.objects.values_list("key", flat=True))
            near = citations.close_keys(key, keys)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise CommandError(f"No reference has the citation key {key!r}.{hint}")
        self.stdout.write(citations.formatted(reference, options["style"], fmt="text"))
