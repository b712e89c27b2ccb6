"""gunicorn's access log, as an operator turns it on, shows link paths without their tokens."""

import http.client
import socket
import subprocess
import sys
import time

import pytest

from msrelief.core.tests.test_production_refusal import ROOT, production_env

TOKEN = "Zq8vN3pR7tW1xY5bC9dF2gH6jK4mL0sA8eU3iO7wxyz"
DEVELOPMENT = {
    "MSRELIEF_PRODUCTION": "false",
    "MSRELIEF_DEBUG": "false",
    "MSRELIEF_SECRET_KEY": None,
    "MSRELIEF_ALLOWED_HOSTS": None,
    "MSRELIEF_EMAIL_BACKEND": None,
    "MSRELIEF_BASE_URL": None,
}


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port, server, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {server.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def _get(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.fixture
def access_log(tmp_path):
    port, log = _free_port(), tmp_path / "access.log"
    command = [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "1"]
    command += ["--bind", f"127.0.0.1:{port}", "--access-logfile", str(log), "msrelief.wsgi"]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=production_env(tmp_path, **DEVELOPMENT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(port, server)
        _get(port, f"/q/{TOKEN}/2/", Referer=f"https://msrelief.example.org/q/{TOKEN}/")
        _get(port, f"/feeds/{TOKEN}")
        _get(port, "/healthz")
    finally:
        server.terminate()
        server.communicate(timeout=60)
    return log.read_text()


def test_the_access_log_keeps_each_request_but_none_of_its_tokens(access_log):
    assert '"GET /q/…/2/ HTTP/1.1"' in access_log
    assert '"https://msrelief.example.org/q/…/"' in access_log  # the Referer
    assert '"GET /feeds/… HTTP/1.1" 404' in access_log
    assert '"GET /healthz HTTP/1.1" 200' in access_log
    assert TOKEN not in access_log
