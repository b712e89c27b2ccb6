"""With PostgreSQL, parameters are bound by the server and repeated queries kept prepared unless
MSRELIEF_POSTGRES_PREPARED says no (docs/settings.md). Each case loads the settings in a fresh
interpreter with a PostgreSQL URL; nothing connects to it. On PostgreSQL, the whole suite runs
with the setting on (scripts/with-postgres.sh)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
)


def options(**env):
    environ = {key: value for key, value in os.environ.items() if not key.startswith("MSRELIEF_")}
    environ.update(
        DJANGO_SETTINGS_MODULE="msrelief.settings",
        DATABASE_URL="postgres://msrelief@127.0.0.1:5999/nowhere",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_binds_parameters_on_the_server_and_keeps_repeated_queries_prepared():
    assert options() == {"server_side_binding": True, "prepare_threshold": 2}


def test_behind_a_pooler_the_setting_turns_both_off():
    assert options(MSRELIEF_POSTGRES_PREPARED="false") == {}


def test_a_word_that_is_not_yes_or_no_is_refused_by_name():
    with pytest.raises(AssertionError, match="MSRELIEF_POSTGRES_PREPARED"):
        options(MSRELIEF_POSTGRES_PREPARED="sometimes")
