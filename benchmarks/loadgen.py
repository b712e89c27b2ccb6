"""Load generators for ``benchmarks/web.py``: Debian's ``wrk``, or a small threaded one.

Both hold ``connections`` connections open against one URL for ``seconds`` and report requests
per second, the median and 99th-percentile latency, and the errors: a failed connection, a
timeout, or a status of 400 or more (a redirect is not an error: a saved answer redirects).
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

WRK_MISSING = (
    "wrk was not found, so a slower Python load generator is used; for figures comparable "
    "with other runs install it (Debian: apt-get install wrk)"
)
# A thread of the fallback generator stops after this many requests even if time is left.
MAX_REQUESTS_PER_THREAD = 100_000


@dataclass(frozen=True)
class Target:
    """One request to repeat: method, path, extra headers and an optional form body."""

    label: str
    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: str = ""


@dataclass(frozen=True)
class Outcome:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wrk_script(target: Target) -> str:
    lines = [f"wrk.method = {_lua_string(target.method)}"]
    for name, value in target.headers:
        lines.append(f"wrk.headers[{_lua_string(name)}] = {_lua_string(value)}")
    if target.body:
        lines.append(f"wrk.body = {_lua_string(target.body)}")
    return "\n".join(lines) + "\n"


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _latency_ms(output: str, percent: str) -> float:
    found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    return float(found.group(1)) * _UNITS_MS[found.group(2)] if found else float("nan")


def parse_wrk(output: str) -> Outcome:
    """Read wrk's ``--latency`` report."""
    done = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m)", output, re.MULTILINE)
    if done is None:
        raise RuntimeError(f"could not read wrk's output:\n{output}")
    seconds = float(done.group(2)) * _UNITS_MS[done.group(3)] / 1000
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    # gunicorn's sync workers close every connection after answering, which wrk may count as
    # a read error; only failed connects, writes and timeouts mean a request was lost.
    errors = sum(int(socket.group(i)) for i in (1, 3, 4)) if socket else 0
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(bad_status.group(1)) if bad_status else 0
    return Outcome(
        requests=int(done.group(1)),
        seconds=seconds,
        p50_ms=_latency_ms(output, "50"),
        p99_ms=_latency_ms(output, "99"),
        errors=errors,
    )


def run_wrk(base: str, target: Target, connections: int, seconds: float) -> Outcome:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "request.lua"
        script.write_text(_wrk_script(target), encoding="utf-8")
        command = [
            "wrk",
            f"--threads={min(2, connections)}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=10s",
            "--latency",
            f"--script={script}",
            base + target.path,
        ]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        )
    return parse_wrk(done.stdout)


def _percentile(sorted_ms: list[float], fraction: float) -> float:
    if not sorted_ms:
        return float("nan")
    index = min(len(sorted_ms) - 1, round(fraction * (len(sorted_ms) - 1)))
    return sorted_ms[index]


def run_python(base: str, target: Target, connections: int, seconds: float) -> Outcome:
    """The fallback: ``connections`` threads, each sending one request after another."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    headers = dict(target.headers)
    if target.body:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")

    def worker() -> None:
        mine: list[float] = []
        failed = 0
        for _ in range(MAX_REQUESTS_PER_THREAD):
            if time.monotonic() >= deadline:
                break
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(host, port, timeout=10)
                connection.request(target.method, target.path, target.body or None, headers)
                answer = connection.getresponse()
                answer.read()
                connection.close()
                failed += answer.status >= 400
            except OSError:
                failed += 1
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    began = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    return Outcome(
        requests=len(latencies),
        seconds=elapsed,
        p50_ms=_percentile(latencies, 0.50),
        p99_ms=_percentile(latencies, 0.99),
        errors=errors[0],
    )
