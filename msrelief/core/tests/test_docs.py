"""Drift guards: what an operator can set or run is documented."""

from pathlib import Path

import pytest
from django.core.management import get_commands

from msrelief.core.checks import INVALID_EMAIL_BACKEND
from msrelief.lib.env import SETTINGS
from msrelief.lib.production import Configuration, unsafe_settings

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
    worst = Configuration(
        debug=True,
        secret_key="",
        development_secret_key="",
        allowed_hosts=["*"],
        email_backend="django.core.mail.backends.console.EmailBackend",
        base_url="http://localhost",
    )
    ids = sorted({p.id for p in unsafe_settings(worst)} | {INVALID_EMAIL_BACKEND.id})
    assert len(ids) == 7
    text = (DOCS / "settings.md").read_text()
    assert [check_id for check_id in ids if f"| `{check_id}` |" not in text] == []
