"""``msrelief --help``: the project's commands first, each on one line with the first sentence
of its help, then Django's and the libraries' commands under their own heading."""

import pytest
from django.core.management import get_commands, load_command_class

from msrelief import cli

OURS = sorted(name for name, app in get_commands().items() if app.startswith("msrelief."))
HEADING = "Django's commands and those of the libraries msrelief uses:"


def listing(capsys, *args):
    cli.main(["msrelief", *args])
    return capsys.readouterr().out.splitlines()


def test_help_lists_every_project_command_first_each_with_one_line_of_its_help(capsys):
    lines = listing(capsys, "--help")
    start, end = lines.index("msrelief's commands:") + 1, lines.index(HEADING)
    ours = [line for line in lines[start:end] if line]
    assert [line.split()[0] for line in ours] == [name.replace("_", "-") for name in OURS]
    for line, name in zip(ours, OURS, strict=True):
        text = line.split(maxsplit=1)[1]
        help_text = " ".join(load_command_class(get_commands()[name], name).help.split())
        assert help_text.startswith(text.rstrip(".")) and text.endswith(".")
        assert len(line) <= 100, f"the help of {name} should start with a shorter sentence"


def test_djangos_commands_come_after_their_heading_and_the_projects_are_not_repeated(capsys):
    lines = listing(capsys, "--help")
    rest = [line.strip() for line in lines[lines.index(HEADING) :]]
    assert "migrate" in rest and "createsuperuser" in rest and "[django]" in rest
    assert not set(OURS) & set(rest)
    assert "migrate" not in [line.strip() for line in lines[: lines.index(HEADING)]]


def test_msrelief_alone_prints_the_same_listing(capsys):
    assert listing(capsys) == listing(capsys, "--help") == listing(capsys, "help")


@pytest.mark.parametrize("name", ["load-demo", "load_demo"])
def test_help_on_one_command_prints_its_options_whichever_way_its_name_is_written(capsys, name):
    lines = listing(capsys, "help", name)
    assert lines[0].startswith("usage: msrelief load_demo")


def test_help_commands_still_prints_every_name_one_a_line(capsys):
    assert listing(capsys, "help", "--commands") == sorted(get_commands())
