"""Drift guards: what an operator can set or run is documented."""

from pathlib import Path

import pytest
from django.core.management import get_commands

from msrelief.lib.env import SETTINGS

DOCS = Path(__file__).resolve().parents[3] / "docs"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting):
    assert f"### `{setting.name}`" in (DOCS / "settings.md").read_text()


def test_every_project_command_is_documented():
    text = (DOCS / "cli.md").read_text()
    ours = sorted(name for name, app in get_commands().items() if app.startswith("msrelief"))
    assert ours, "no project commands found"
    missing = [name for name in ours if f"### `{name}`" not in text]
    assert missing == []


def test_every_production_check_is_documented():
    text = (DOCS / "settings.md").read_text()
    for check_id in ("msrelief.E001", "msrelief.E002", "msrelief.E003", "msrelief.E004"):
        assert check_id in text
