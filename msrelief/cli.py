"""The ``msrelief`` console script: the project's management commands under one name.

``msrelief load-demo`` is ``python manage.py load_demo``; any Django command works the same
way (``msrelief migrate``, ``msrelief createsuperuser``). docs/cli.md lists the project's own.

Four commands are started the short way, because they are often run one after another from
scripts and most of Django's start-up would be wasted on them. None runs ``django.setup()``
(no app is loaded) or the system checks:

* ``score``, ``meta`` and ``screen`` compute from their input alone and touch no database;
* ``cite`` reads one reference through Django's database connection alone
  (:mod:`msrelief.evidence.stored_references`); the app registry is declared loaded with no
  app in it, so that Django knows the query is not one made while apps are loading.

Each is still the same management command class with the same options, output and errors.

``msrelief --help`` (and ``msrelief`` alone) lists the project's commands first, each with the
first sentence of its help, then Django's and the libraries' commands by app, as Django does.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections import defaultdict

from django.core.management import ManagementUtility, get_commands, load_command_class
from django.core.management.color import color_style

#: Commands that need neither the database nor the app registry.
PURE_COMMANDS = {
    "score": "msrelief.instruments.management.commands.score",
    "meta": "msrelief.evidence.management.commands.meta",
    "screen": "msrelief.safety.management.commands.screen",
}
#: Commands that read the database through its connection, with no model and no app.
CONNECTION_COMMANDS = {"cite": "msrelief.evidence.management.commands.cite"}


def main(argv: list[str] | None = None) -> None:
    """Run one command; a setting that cannot be used is one line on stderr and exit 1, not a
    traceback (the settings module raises :class:`~msrelief.lib.env.SettingError` as it loads)."""
    from msrelief.lib.env import SettingError

    try:
        _main(list(sys.argv if argv is None else argv))
    except SettingError as problem:
        sys.stderr.write(f"msrelief: a setting cannot be used: {problem}\n")
        sys.exit(1)


def _main(args: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    if len(args) > 2 and args[1] == "help" and not args[2].startswith("-"):
        args[2] = args[2].replace("-", "_")  # msrelief help load-demo
    args[0] = "msrelief"
    name = args[1] if len(args) > 1 else ""
    # --settings and --pythonpath must act before the apps load: Django's own path does that.
    chosen = any(arg.startswith(("--settings", "--pythonpath")) for arg in args)
    if (name in PURE_COMMANDS or name in CONNECTION_COMMANDS) and not chosen:
        _run_directly(name, args)
        return
    Utility(args).execute()


def _run_directly(name: str, args: list[str]) -> None:
    """Run one project command as Django would, minus the start-up it does not need.

    ``run_from_argv`` parses the options, prints a ``CommandError`` as one line and exits with
    its status, exactly as under ``execute_from_command_line``.
    """
    if name in CONNECTION_COMMANDS:
        from django.apps import apps

        apps.populate([])  # no app; a no-op where the apps are already loaded (the tests)
    module = importlib.import_module(PURE_COMMANDS.get(name) or CONNECTION_COMMANDS[name])
    command = module.Command()
    command.run_from_argv([*args, "--skip-checks"] if command.requires_system_checks else args)


class Utility(ManagementUtility):
    """Django's command-line utility with the project's own commands first in its help."""

    def main_help_text(self, commands_only: bool = False) -> str:
        if commands_only:  # msrelief help --commands: every name, one a line, as Django's
            return str(super().main_help_text(commands_only=True))
        return help_text(self.prog_name, self.settings_exception)


def help_text(prog: str, settings_error: Exception | None = None) -> str:
    """The listing of ``msrelief --help``: the project's commands, each with one line, then
    the others under their app's name."""
    style = color_style()
    commands = get_commands()
    ours = sorted(name for name, app in commands.items() if app.startswith("msrelief."))
    lines = [
        "",
        f"Type '{prog} help <command>' for a command's options.",
        "A hyphen and an underscore in a command's name are the same.",
    ]
    if ours:
        width = max(len(name) for name in ours) + 2
        lines += ["", style.NOTICE("msrelief's commands:")]
        lines += [
            f"  {name.replace('_', '-'):<{width}}{summary(commands[name], name)}" for name in ours
        ]
    by_app: defaultdict[str, list[str]] = defaultdict(list)
    for name, app in commands.items():
        if name not in ours:
            by_app["django" if app == "django.core" else app.rpartition(".")[-1]].append(name)
    lines += ["", style.NOTICE("Django's commands and those of the libraries msrelief uses:")]
    for app in sorted(by_app):
        lines += ["", style.NOTICE(f"[{app}]"), *(f"    {name}" for name in sorted(by_app[app]))]
    if settings_error is not None:
        lines += ["", style.NOTICE(f"Only Django's own commands are listed: {settings_error}")]
    return "\n".join(lines)


def summary(app: str, name: str) -> str:
    """The first sentence of a command's help text, on one line."""
    first = " ".join(str(load_command_class(app, name).help).split()).split(". ")[0]
    return first.rstrip(".") + "." if first else ""


if __name__ == "__main__":
    main()
