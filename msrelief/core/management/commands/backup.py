"""``msrelief backup PATH``: copy the whole database to a new file (msrelief.core.backups)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from msrelief.core import backups


class Command(BaseCommand):
    help = (
        "Back the whole database up to a new file PATH, readable by its owner only. The app "
        "keeps running: SQLite is copied with its online backup API, PostgreSQL with pg_dump "
        "--format=custom."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The backup file to create; never overwritten.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            backups.backup(connection, path)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size
        self.stdout.write(f"Backed up the database to {path} ({size:,} bytes, mode 0600).")
