"""Load the evidence base's seed data. Running it again changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from msrelief.evidence import seed, seeding


class Command(BaseCommand):
    help = (
        "Add the evidence base's missing seed records (safe to run twice). Seed references, "
        "claims, studies, arms and results already present, including edited ones, are left "
        "alone, except that a result loaded before results had an instrument match gets one."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = seeding.load()
        except seed.SeedError as error:
            raise CommandError(f"The seed data is not valid: {error}") from None
        if not counts:
            self.stdout.write("The evidence base already holds all the seed data.")
            return
        filled = counts.pop(seeding.FILLED, 0)
        made = ", ".join(f"{count} {kind.lower()}" for kind, count in sorted(counts.items()))
        parts = [f"created {made}"] if made else []
        if filled:
            parts.append(f"filled in the instrument match of {filled} existing results")
        self.stdout.write(f"Loaded evidence seed data: {'; '.join(parts)}.")
