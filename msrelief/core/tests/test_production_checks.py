import os
import subprocess
import sys

import pytest

from msrelief.core.checks import production_settings_check

GOOD_KEY = "Zq8-vN3!pR7@tW1#xY5$bC9%dF2^gH6&jK4*mL0(sA8)eU3_iO7+"


def run_deploy_check(**env):
    environ = {
        **os.environ,
        "MSRELIEF_PRODUCTION": "true",
        "MSRELIEF_SECRET_KEY": GOOD_KEY,
        "MSRELIEF_ALLOWED_HOSTS": "msrelief.example.org",
        "MSRELIEF_EMAIL_BACKEND": "smtp",
        "MSRELIEF_BASE_URL": "https://msrelief.example.org",
        "MSRELIEF_CONTENT_OWNER": "Example MS Clinic",
        "MSRELIEF_PERMISSIONS_CONTACT": "learn@msrelief.example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_deploy_check()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "check_id"),
    [
        ({"MSRELIEF_DEBUG": "true"}, "msrelief.E001"),
        ({"MSRELIEF_SECRET_KEY": ""}, "msrelief.E002"),
        ({"MSRELIEF_ALLOWED_HOSTS": ""}, "msrelief.E003"),
        ({"MSRELIEF_ALLOWED_HOSTS": "*"}, "msrelief.E003"),
        ({"MSRELIEF_EMAIL_BACKEND": "console"}, "msrelief.E005"),
        ({"MSRELIEF_EMAIL_BACKEND": "locmem"}, "msrelief.E005"),
        ({"MSRELIEF_BASE_URL": "http://msrelief.example.org"}, "msrelief.E006"),
        ({"MSRELIEF_BASE_URL": "https://127.0.0.1"}, "msrelief.E007"),
    ],
)
def test_unsafe_production_settings_are_refused(env, check_id):
    result = run_deploy_check(**env)
    assert result.returncode != 0
    assert check_id in result.stderr


@pytest.mark.parametrize("name", ["MSRELIEF_CONTENT_OWNER", "MSRELIEF_PERMISSIONS_CONTACT"])
def test_the_demos_fictional_learn_owner_fails_the_deploy_check_but_is_named_as_a_warning(name):
    from msrelief.lib.env import default_of

    result = run_deploy_check(**{name: default_of(name)})
    assert result.returncode != 0
    assert "msrelief.W001" in result.stderr and name in result.stderr


def test_the_learn_owner_warning_does_not_stop_the_server_from_starting(settings):
    from msrelief.core.checks import production_problems

    settings.CONTENT_OWNER = "Harbour Street Learning Trust (a fictional owner for the demo)"
    assert all(problem.id != "msrelief.W001" for problem in production_problems())


def test_development_mode_is_not_held_to_production_rules(settings):
    settings.PRODUCTION = False
    settings.DEBUG = True
    assert production_settings_check() == []


def test_an_unknown_email_backend_is_refused():
    result = run_deploy_check(MSRELIEF_EMAIL_BACKEND="pigeon")
    assert "msrelief.E004" in result.stderr


def test_commands_other_than_the_deploy_check_still_run_with_unsafe_production_settings():
    # So that an operator can still migrate, create users or collect static files; serving
    # (gunicorn, runserver) is what refuses, at the import of the WSGI app.
    environ = {**os.environ, "MSRELIEF_PRODUCTION": "true", "MSRELIEF_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
