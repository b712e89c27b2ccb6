"""The root conftest.py picks hypothesis' `ci` profile (derandomised, a fixed number of
examples) when CI=true or HYPOTHESIS_PROFILE=ci, and the default `dev` profile otherwise."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHOW = (
    "import conftest; from hypothesis import settings as s; d = s.default; "
    "print(d.derandomize, d.max_examples, d.deadline, d.print_blob, d.database)"
)


def profile_with(**env: str) -> list[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {"CI", "HYPOTHESIS_PROFILE"}}
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={**environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("env", [{"CI": "true"}, {"HYPOTHESIS_PROFILE": "ci"}])
def test_ci_runs_the_same_examples_every_time(env):
    assert profile_with(**env) == ["True", "100", "None", "True", "None"]


@pytest.mark.parametrize("env", [{}, {"CI": "false"}, {"CI": "true", "HYPOTHESIS_PROFILE": "dev"}])
def test_a_developer_machine_explores_new_examples(env):
    derandomize, _, deadline, *_ = profile_with(**env)
    assert derandomize == "False"
    assert deadline != "None"
