"""Production logging: server errors and failed requests reach standard error, each line with
the request's X-Request-ID; gunicorn's error log goes the same way."""

import json
import re
import subprocess
import sys
import textwrap

import pytest

from msrelief.core.tests.test_production_refusal import ROOT, production_env
from msrelief.lib.env import SettingError
from msrelief.lib.logconfig import log_level, logging_config

SERVE_A_500 = textwrap.dedent(
    """
    import json, logging
    import django
    django.setup()
    from django.conf import settings
    from django.test import Client, override_settings
    from django.urls import include, path

    def broken(request):
        raise RuntimeError("the view broke")

    urlpatterns = [path("broken/", broken), path("", include("msrelief.urls"))]

    # Uncollected static files would turn every page into a 500 (collectstatic is a deploy step).
    plain_static = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(ROOT_URLCONF="__main__", STORAGES=plain_static):
        client = Client(raise_request_exception=False)
        host = {"secure": True, "HTTP_HOST": "msrelief.example.org"}
        failed = client.get("/broken/", **host)
        missing = client.get("/missing/", **host)
    logging.getLogger("gunicorn.error").error("a gunicorn worker timed out")
    print(json.dumps({"status": [failed.status_code, missing.status_code],
                      "request_id": failed["X-Request-ID"]}))
    """
)


def run_production(script, tmp_path, **env):
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**production_env(tmp_path, **env), "DJANGO_SETTINGS_MODULE": "msrelief.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def served(tmp_path):
    result = run_production(SERVE_A_500, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def test_a_server_error_in_production_writes_its_traceback_to_stderr(served):
    outcome, stderr = served
    assert outcome["status"] == [500, 404]
    line = next(x for x in stderr.splitlines() if "Internal Server Error: /broken/" in x)
    assert re.search(r" ERROR django\.request \[request [0-9a-f]{32}\] ", line)
    assert "RuntimeError: the view broke" in stderr


def test_the_log_line_carries_the_request_id_sent_to_the_browser(served):
    outcome, stderr = served
    assert f"[request {outcome['request_id']}] Internal Server Error: /broken/" in stderr


def test_a_request_for_a_missing_page_is_logged_as_a_warning(served):
    _, stderr = served
    assert re.search(
        r" WARNING django\.request \[request [0-9a-f]{32}\] Not Found: /missing/", stderr
    )


def test_gunicorns_error_log_goes_to_stderr_outside_any_request(served):
    _, stderr = served
    assert "ERROR gunicorn.error [request -] a gunicorn worker timed out" in stderr


def test_the_log_level_setting_silences_lower_levels(tmp_path):
    result = run_production(SERVE_A_500, tmp_path, MSRELIEF_LOG_LEVEL="error")
    assert result.returncode == 0, result.stderr
    assert "Internal Server Error: /broken/" in result.stderr
    assert "Not Found: /missing/" not in result.stderr


def test_an_unknown_log_level_is_an_error_naming_the_variable():
    with pytest.raises(SettingError, match="MSRELIEF_LOG_LEVEL='loud'"):
        log_level("loud")


def test_development_keeps_djangos_own_console_logging():
    loggers = logging_config("INFO", production=False)["loggers"]
    assert set(loggers) == {"msrelief"}
