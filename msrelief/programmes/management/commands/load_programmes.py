"""Load the programme templates of the trials. Running it again changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from msrelief.programmes import seeding


class Command(BaseCommand):
    help = (
        "Add the programme templates of the trials (safe to run twice). Run load-evidence "
        "first: each template copies its protocol from a trial arm. Templates already present "
        "are left alone."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            made = seeding.load()
        except seeding.SeedError as error:
            raise CommandError(f"The programme templates cannot be loaded: {error}.") from None
        if not made:
            self.stdout.write("All the programme templates from the trials are present.")
            return
        self.stdout.write(f"Loaded {made} programme templates from the trials.")
