"""`msrelief screen ANSWERS.json`: run the pre-session safety screen and print the result."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.lib import bounded_json
from msrelief.screening import AnswersError, screen_json


class Command(BaseCommand):
    help = (
        "Run the pre-session safety screen on a set of answers, printing JSON. "
        "ANSWERS.json is an object of the screen's answer keys (docs/screening.md); "
        "use - to read standard input. Nothing is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
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
            result = screen_json(answers)
        except AnswersError as error:
            raise CommandError(f"{source}: {error}") from None
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
