"""`msrelief rescore`: score responses under the current scoring version; old scores stay."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from msrelief.instruments.services import rescore_all


class Command(BaseCommand):
    help = (
        "Add the current scoring version's score to every response that lacks it. Scores from "
        "earlier scoring versions are kept, never overwritten."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = rescore_all()
        self.stdout.write(
            f"{counts['scored']} responses scored, {counts['up_to_date']} already up to date, "
            f"{counts['failed']} could not be scored under the new version."
        )
