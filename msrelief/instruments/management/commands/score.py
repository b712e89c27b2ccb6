"""`msrelief score CODE ANSWERS.json`: score one response and print the result as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.lib import bounded_json
from msrelief.scoring import ScoringError, score_json


class Command(BaseCommand):
    help = (
        "Score one response. ANSWERS.json maps each item's number (as a string) to the answer's "
        "value as the manual gives it; leave unanswered items out. Use - to read standard input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", help="Instrument code, e.g. phq9, dass21, mfis21.")
        parser.add_argument("answers", help="Path to a JSON file of answers, or - for stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["answers"]
        try:
            text = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8")
        except OSError as error:
            raise CommandError(f"cannot read {source}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{source} is not UTF-8 text") from None
        try:
            answers = bounded_json.loads(text)
        except bounded_json.JsonInputError as error:
            raise CommandError(f"{source}: {error}") from None
        try:
            result = score_json(options["instrument"], answers)
        except KeyError as error:
            raise CommandError(str(error.args[0])) from None
        except ScoringError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(result, indent=2))
