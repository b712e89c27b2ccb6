"""The ``msrelief`` console script: the project's management commands under one name.

``msrelief load-demo`` is ``python manage.py load_demo``; any Django command works the same
way (``msrelief migrate``, ``msrelief createsuperuser``). docs/cli.md lists the project's own.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "msrelief"
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
