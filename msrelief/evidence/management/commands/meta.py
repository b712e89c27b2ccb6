"""``msrelief meta FILE.csv --measure SMD --method REML [--hksj]``: pool the studies in a CSV
file and print the result as JSON. A bad row stops the command with a message naming it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.stats import METHODS, MetaAnalysisError
from msrelief.stats.meta_csv import MEASURES, run_meta_csv


class Command(BaseCommand):
    help = "Meta-analyse the studies in a CSV file (one a row); print the JSON result."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV file with a header row, or - for standard input.")
        parser.add_argument("--measure", choices=MEASURES, required=True)
        parser.add_argument("--method", choices=METHODS, default="REML")
        parser.add_argument(
            "--hksj", action="store_true", help="Use the Hartung-Knapp-Sidik-Jonkman adjustment."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        text = _read(options["file"])
        try:
            result = run_meta_csv(text, options["measure"], options["method"], options["hksj"])
        except MetaAnalysisError as error:
            raise CommandError(f"{options['file']}: {error}") from None
        self.stdout.write(json.dumps(result, indent=2))


def _read(name: str) -> str:
    try:
        if name == "-":
            return sys.stdin.read()
        return Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CommandError(f"{name}: no such file") from None
    except UnicodeDecodeError:
        raise CommandError(f"{name}: not UTF-8 text") from None
    except OSError as error:
        raise CommandError(f"{name}: {error.strerror}") from None
