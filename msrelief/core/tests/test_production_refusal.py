"""Production mode refuses to start unsafe: importing the WSGI or ASGI app (what gunicorn and
runserver do) raises ImproperlyConfigured naming the unsafe setting. Each case runs in a fresh
interpreter, because settings are read once, at import."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEY = "Zq8-vN3!pR7@tW1#xY5$bC9%dF2^gH6&jK4*mL0(sA8)eU3_iO7+"
GOOD_PRODUCTION_ENV = {
    "MSRELIEF_PRODUCTION": "true",
    "MSRELIEF_SECRET_KEY": GOOD_KEY,
    "MSRELIEF_ALLOWED_HOSTS": "msrelief.example.org",
    "MSRELIEF_EMAIL_BACKEND": "smtp",
    "MSRELIEF_BASE_URL": "https://msrelief.example.org",
}
UNSET = None


def production_env(data_dir: Path, **changes: str | None) -> dict[str, str]:
    """The machine's environment without any msrelief setting, plus good production settings
    with ``changes`` applied (UNSET removes a variable)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("MSRELIEF_")
        and name not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(GOOD_PRODUCTION_ENV, MSRELIEF_DATA_DIR=str(data_dir))
    for name, value in changes.items():
        if value is UNSET:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def import_app(module: str, data_dir: Path, **changes: str | None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", f"import {module}; print('imported', {module}.application)"],
        cwd=ROOT,
        env=production_env(data_dir, **changes),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def refused_ids(result: subprocess.CompletedProcess) -> set[str]:
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured: msrelief will not start in production mode" in result.stderr
    return set(re.findall(r"msrelief\.E\d{3}", result.stderr))


@pytest.mark.parametrize("module", ["msrelief.wsgi", "msrelief.asgi"])
def test_good_production_settings_import_the_app(module, tmp_path):
    result = import_app(module, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout


@pytest.mark.parametrize("module", ["msrelief.wsgi", "msrelief.asgi"])
def test_the_published_development_key_is_refused(module, tmp_path):
    result = import_app(module, tmp_path, MSRELIEF_SECRET_KEY=UNSET)
    assert refused_ids(result) == {"msrelief.E002"}
    assert "Set MSRELIEF_SECRET_KEY" in result.stderr


def test_a_short_secret_key_is_refused(tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_SECRET_KEY="only-twenty-chars-ok")
    assert refused_ids(result) == {"msrelief.E002"}


@pytest.mark.parametrize(
    "hosts",
    [UNSET, "", "*", "msrelief.example.org,*", "localhost,127.0.0.1,[::1]"],
    ids=["missing", "empty", "star", "star-among-names", "only-this-machine"],
)
def test_a_host_list_that_names_no_public_host_or_allows_any_is_refused(hosts, tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_ALLOWED_HOSTS=hosts)
    assert refused_ids(result) == {"msrelief.E003"}
    assert "Set MSRELIEF_ALLOWED_HOSTS" in result.stderr


def test_debug_on_is_refused(tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_DEBUG="true")
    assert refused_ids(result) == {"msrelief.E001"}
    assert "Unset MSRELIEF_DEBUG" in result.stderr


@pytest.mark.parametrize("backend", ["console", "locmem"])
def test_an_email_backend_that_never_delivers_is_refused(backend, tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_EMAIL_BACKEND=backend)
    assert refused_ids(result) == {"msrelief.E005"}
    assert f"MSRELIEF_EMAIL_BACKEND is {backend}" in result.stderr


def test_an_unknown_email_backend_is_refused(tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_EMAIL_BACKEND="pigeon")
    assert refused_ids(result) == {"msrelief.E004"}


@pytest.mark.parametrize("url", ["http://msrelief.example.org", "msrelief.example.org", "https://"])
def test_a_base_url_that_is_not_https_is_refused(url, tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_BASE_URL=url)
    assert refused_ids(result) == {"msrelief.E006"}


@pytest.mark.parametrize(
    "url",
    ["https://localhost", "https://127.0.0.1:8443/", "https://[::1]", "https://app.localhost"],
)
def test_a_base_url_at_this_machine_is_refused(url, tmp_path):
    result = import_app("msrelief.wsgi", tmp_path, MSRELIEF_BASE_URL=url)
    assert refused_ids(result) == {"msrelief.E007"}
    assert "points at this machine" in result.stderr


def test_every_problem_is_named_at_once(tmp_path):
    result = import_app(
        "msrelief.wsgi",
        tmp_path,
        MSRELIEF_SECRET_KEY=UNSET,
        MSRELIEF_ALLOWED_HOSTS="*",
        MSRELIEF_DEBUG="on",
        MSRELIEF_EMAIL_BACKEND="console",
        MSRELIEF_BASE_URL=UNSET,
    )
    expected = {f"msrelief.E00{n}" for n in (1, 2, 3, 5, 6, 7)}
    assert refused_ids(result) == expected
    assert "(6 unsafe settings)" in result.stderr


def test_development_mode_serves_with_its_laptop_defaults(tmp_path):
    result = import_app(
        "msrelief.wsgi",
        tmp_path,
        **dict.fromkeys(GOOD_PRODUCTION_ENV, UNSET),
    )
    assert result.returncode == 0, result.stderr


def test_gunicorn_refuses_to_boot_with_the_development_key(tmp_path):
    # No control socket: gunicorn would leave it in the home folder.
    gunicorn = [sys.executable, "-m", "gunicorn", "--no-control-socket", "--bind", "127.0.0.1:0"]
    result = subprocess.run(
        [*gunicorn, "msrelief.wsgi"],
        cwd=ROOT,
        env=production_env(tmp_path, MSRELIEF_SECRET_KEY=UNSET),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "msrelief.E002" in result.stderr
    assert "Worker failed to boot" in result.stderr
