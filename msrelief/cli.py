"""The ``msrelief`` console script: the project's management commands under one name.

``msrelief load-demo`` is ``python manage.py load_demo``; any Django command works the same
way (``msrelief migrate``, ``msrelief createsuperuser``). docs/cli.md lists the project's own.

Four commands are started the short way, because they are often run one after another from
scripts and most of Django's start-up would be wasted on them:

* ``score``, ``meta`` and ``screen`` compute from their input alone, so they run without
  ``django.setup()`` (no app is loaded, no database is touched) and without the system checks;
* ``cite`` reads the database, so the apps are set up, but the system checks (which import
  every URL and view, and with them SciPy and the API) are skipped.

Each is still the same management command class with the same options, output and errors.
"""

from __future__ import annotations

import importlib
import os
import sys

#: Commands that need neither the database nor the app registry.
PURE_COMMANDS = {
    "score": "msrelief.instruments.management.commands.score",
    "meta": "msrelief.evidence.management.commands.meta",
    "screen": "msrelief.safety.management.commands.screen",
}
#: Commands that read the database but need no system checks.
UNCHECKED_COMMANDS = {"cite": "msrelief.evidence.management.commands.cite"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "msrelief"
    name = args[1] if len(args) > 1 else ""
    # --settings and --pythonpath must act before the apps load: Django's own path does that.
    chosen = any(arg.startswith(("--settings", "--pythonpath")) for arg in args)
    if (name in PURE_COMMANDS or name in UNCHECKED_COMMANDS) and not chosen:
        _run_directly(name, args)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


def _run_directly(name: str, args: list[str]) -> None:
    """Run one project command as Django would, minus the start-up it does not need.

    ``run_from_argv`` parses the options, prints a ``CommandError`` as one line and exits with
    its status, exactly as under ``execute_from_command_line``.
    """
    if name in UNCHECKED_COMMANDS:
        import django

        django.setup()
    module = importlib.import_module(PURE_COMMANDS.get(name) or UNCHECKED_COMMANDS[name])
    command = module.Command()
    command.run_from_argv([*args, "--skip-checks"] if command.requires_system_checks else args)


if __name__ == "__main__":
    main()
