"""``msrelief export responses``: a clinic's current responses as labelled CSV, long or wide,
or their data dictionary, written to a file (docs/cli.md, docs/exports.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

from msrelief.reports import services
from msrelief.reports.exports.formats import FORMATS, csv_chunks
from msrelief.reports.management.commands.report import clinic_named


class Command(BaseCommand):
    help = (
        "Write a clinic's responses as labelled CSV (export responses). Long or wide, or "
        "their data dictionary; clients by number, never by name."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="responses")
        responses = kinds.add_parser("responses", help="The clinic's current responses.")
        responses.add_argument("--clinic", help="The clinic's number or name (needed if several).")
        responses.add_argument("--format", choices=FORMATS, default="long")
        responses.add_argument("-o", "--output", required=True, help="The CSV file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["output"])
        if not target.parent.is_dir():
            raise CommandError(f"cannot write {target}: the folder {target.parent} does not exist")
        clinic = clinic_named(options["clinic"])
        plan, total, rows = services.export_responses_for(clinic, options["format"])
        console = Console(stderr=True)
        bar = Progress(
            TextColumn("Exporting"),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} rows"),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        try:
            with bar, target.open("w", encoding="utf-8", newline="") as out:
                task = bar.add_task("rows", total=total)
                for written, line in enumerate(csv_chunks(rows)):
                    out.write(line)
                    if written and written % 1000 == 0:
                        bar.update(task, completed=written)
        except OSError as error:
            raise CommandError(f"cannot write {target}: {error.strerror}") from None
        for key, n in plan.unknown.items():
            console.print(f"Left out {n} responses to {key}, which msrelief no longer has.")
        self.stderr.write(f"Wrote {total:,} rows to {target}.")
