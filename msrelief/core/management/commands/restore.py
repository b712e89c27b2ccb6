"""``msrelief restore PATH --yes``: replace the database with a backup (msrelief.core.backups)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from msrelief.core import backups


class Command(BaseCommand):
    help = (
        "Replace everything in the database with the backup in PATH, after --yes. "
        "PATH is a file made by `msrelief backup`; stop the web server and the worker first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A backup made by `msrelief backup`.")
        parser.add_argument(
            "--yes", action="store_true", help="Go ahead: the database's current rows are lost."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        database = connection.settings_dict["NAME"]
        try:
            backups.check_file(connection, path)
            if not options["yes"]:
                raise CommandError(
                    f"restoring replaces every row of the database {database} with those in "
                    f"{path}: stop the web server and the worker, then run it again with --yes"
                )
            backups.restore(connection, path)
            # Pages cached under a data version (audit.versions) name audit ids that the
            # restored trail will give again to other changes.
            cache.clear()
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the database {database} from {path}. If the backup is older than this "
            "version of msrelief, run `msrelief migrate`; then `msrelief audit verify`."
        )
