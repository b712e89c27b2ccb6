"""Load benchmark of msrelief's pages under gunicorn, as ratios to the bare ``/healthz`` view.

Run on demand (never as a timed test)::

    .venv/bin/python benchmarks/web.py [--seconds 5] [--connections 32] [--database both]

For each database (SQLite, and PostgreSQL when its binaries are installed: a throwaway cluster
made by ``scripts/with-postgres.sh``) it builds a throwaway demo database in a temporary folder
(``migrate``, ``load-demo``, ``load-evidence``, then two questionnaire links assigned through the
instruments service by ``web_fixture.py``), starts gunicorn with 2 sync workers on a free
loopback port, logs in as the demo therapist, and drives each page with ``connections``
connections for ``seconds`` (wrk when installed, else a threaded Python generator), each page
right after ``baseline-seconds`` of the bare ``/healthz`` view. It prints one table per
database: requests per second, median and 99th-percentile latency, errors, the ``/healthz``
run just before the page, and the ratio of the page's requests per second to the median of all
the ``/healthz`` runs: on a machine shared with other programs a single baseline run can be off
by a factor of two, the median of a dozen spread over the run is not (the table ends with their
range). Everything it starts is stopped at the end, and nothing
outside the temporary folders is written. With the defaults a database takes two to three
minutes. Exit status 1 if a page could not be prepared (a wrong status before the run).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from loadgen import WRK_MISSING, Outcome, Target, have_wrk, run_python, run_wrk

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
# Lowest acceptable share of /healthz's requests per second, by target label; others: 15 %.
RATIO_TARGETS = {"questionnaire, one question": 0.30, "clinic dashboard": 0.30}
DEFAULT_RATIO_TARGET = 0.15
P99_TARGETS_MS = {"questionnaire, one question": 100.0}


HEALTHZ = Target("healthz", "GET", "/healthz")


@dataclass(frozen=True)
class Row:
    """A page's outcome and that of the /healthz run made just before it, each with the CPU
    time the server's workers spent per request (milliseconds)."""

    target: Target
    outcome: Outcome
    healthz: Outcome
    cpu_ms: float
    healthz_cpu_ms: float


@dataclass(frozen=True)
class Server:
    port: int
    pid: int  # gunicorn's master process


def server_cpu_seconds(server: Server) -> float:
    """CPU time (user + system) used so far by gunicorn's workers, from Linux's /proc; NaN
    where that cannot be read."""
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        ticks = 0
        for pid in children:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime and stime
    except (OSError, IndexError, ValueError):
        return float("nan")
    return ticks / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[1:])} failed:\n{done.stderr or done.stdout}")
    return done.stdout


def prepare_database(env: dict[str, str]) -> dict[str, str]:
    """Migrate and load the demo data, then ask web_fixture.py for links and keys."""
    cli = [sys.executable, "-m", "msrelief.cli"]
    _run([*cli, "migrate", "--no-input", "-v", "0"], env)
    _run([*cli, "load-demo"], env)
    _run([*cli, "load-evidence"], env)
    fixture = _run([sys.executable, str(Path(__file__).with_name("web_fixture.py"))], env)
    found: dict[str, str] = json.loads(fixture.strip().splitlines()[-1])
    return found


def _request(
    port: int, method: str, path: str, headers: dict[str, str] | None = None, body: str = ""
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = dict(headers or {})
    if body:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body or None, sent)
    answer = connection.getresponse()
    answer.read()
    connection.close()
    return answer


def _cookies(answer: http.client.HTTPResponse) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for header in answer.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[Server]:
    """A gunicorn serving msrelief on a free loopback port, stopped on leaving."""
    port = _free_port()
    command = [
        sys.executable, "-m", "gunicorn", "msrelief.wsgi:application",
        f"--workers={WORKERS}", f"--bind=127.0.0.1:{port}", "--worker-class=sync",
        "--log-level=warning", "--backlog=2048", "--timeout=60",
    ]  # fmt: skip
    with log.open("w") as output:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_up(port, server)
            yield Server(port, server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before it served a request (see its log)")
        try:
            if _request(port, "GET", "/healthz").status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz within 60 seconds")


def log_in(port: int, email: str, password: str) -> str:
    """Log in through the login form; returns the Cookie header of the session."""
    page = _request(port, "GET", "/accounts/login/")
    csrf = _cookies(page)["csrftoken"]
    form = urlencode({"csrfmiddlewaretoken": csrf, "username": email, "password": password})
    answer = _request(port, "POST", "/accounts/login/", {"Cookie": f"csrftoken={csrf}"}, form)
    session = _cookies(answer).get("sessionid")
    if answer.status != 302 or not session:
        raise SystemExit(f"logging in as {email} failed (status {answer.status})")
    return f"sessionid={session}"


def targets(port: int, found: dict[str, str]) -> list[Target]:
    staff = (("Cookie", log_in(port, found["email"], found["password"])),)
    read, save = f"/q/{found['read_token']}", f"/q/{found['save_token']}"
    csrf = _cookies(_request(port, "GET", f"{save}/1/")).get("csrftoken", "")
    form = "application/x-www-form-urlencoded"
    saving = (("Cookie", f"csrftoken={csrf}"), ("Content-Type", form))
    answer = urlencode({"csrfmiddlewaretoken": csrf, "item_1": "1"})
    client, study = found["client"], found["study"]
    return [
        Target("questionnaire, start", "GET", f"{read}/"),
        Target("questionnaire, one question", "GET", f"{read}/1/"),
        Target("questionnaire, all on one page", "GET", f"{read}/all/"),
        Target("submit: save an answer", "POST", f"{save}/1/", saving, answer),
        Target("clinic dashboard", "GET", "/clients/", staff),
        Target("client record", "GET", f"/clients/{client}/", staff),
        Target("client measures", "GET", f"/clients/{client}/measures/", staff),
        Target("references", "GET", "/evidence/references/"),
        Target("study", "GET", f"/evidence/studies/{study}/"),
        Target("meta-analysis page", "GET", "/evidence/meta/"),
        Target("meta-analysis, BCG example", "GET", "/evidence/meta/?example=bcg"),
    ]


def wait_until_idle(port: int, limit: float = 180.0) -> None:
    """Wait until requests queued by the last run are answered (wrk stops sending on time, but
    the server still works through its backlog), so that one page's backlog is not charged to
    the next: /healthz must answer within 50 ms three times running."""
    deadline, quick = time.monotonic() + limit, 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            _request(port, "GET", "/healthz")
        except OSError:
            quick = 0
            continue
        quick = quick + 1 if time.perf_counter() - started < 0.05 else 0


def check_and_warm(port: int, target: Target, rounds: int = 10) -> None:
    """Each page must answer as expected (a login redirect would look fast); warms both workers."""
    expected = 302 if target.method == "POST" else 200
    for _ in range(rounds):
        answer = _request(port, target.method, target.path, dict(target.headers), target.body)
        if answer.status != expected:
            raise SystemExit(
                f"{target.label}: {target.method} {target.path} answered {answer.status}, "
                f"expected {expected}"
            )


def _target_text(row: Row) -> str:
    wanted = RATIO_TARGETS.get(row.target.label, DEFAULT_RATIO_TARGET)
    text = f">= {wanted:.0%}"
    if row.target.label in P99_TARGETS_MS:
        text += f", p99 < {P99_TARGETS_MS[row.target.label]:.0f} ms"
    return text


def _verdict(row: Row, ratio: float) -> str:
    wanted = RATIO_TARGETS.get(row.target.label, DEFAULT_RATIO_TARGET)
    ok = ratio >= wanted and row.outcome.errors == 0
    ok = ok and row.outcome.p99_ms < P99_TARGETS_MS.get(row.target.label, float("inf"))
    return "met" if ok else "MISSED"


def print_table(title: str, rows: list[Row]) -> None:
    rates = sorted(row.healthz.rate for row in rows)
    baseline = statistics.median(rates)
    healthz_cpu = statistics.median(row.healthz_cpu_ms for row in rows)
    print(f"\n{title}")
    print(
        f"{'page':<32} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} {'healthz':>7} "
        f"{'ratio':>6} {'cpu ms':>7} {'cpu ratio':>9}  {'target':<24} verdict"
    )
    for row in rows:
        o, ratio = row.outcome, row.outcome.rate / baseline
        print(
            f"{row.target.label:<32} {o.rate:7.1f} {o.p50_ms:7.1f} {o.p99_ms:7.1f} "
            f"{o.errors:6d} {row.healthz.rate:7.0f} {ratio:6.1%} {row.cpu_ms:7.2f} "
            f"{healthz_cpu / row.cpu_ms:9.1%}  {_target_text(row):<24} {_verdict(row, ratio)}"
        )
    print(
        f"ratio: to the median of the /healthz runs, {baseline:.0f} req/s (they ranged from "
        f"{rates[0]:.0f} to {rates[-1]:.0f}; 'healthz' is the run just before each page).\n"
        f"cpu ms: the workers' CPU time per request; cpu ratio: /healthz's ({healthz_cpu:.2f} ms, "
        "the median) over the page's, which other programs' load hardly moves."
    )


def measure(env: dict[str, str], title: str, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="msrelief-bench-") as folder:
        env = {
            **env, "MSRELIEF_DATA_DIR": folder, "MSRELIEF_DEBUG": "false",
            "MSRELIEF_LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "msrelief.settings",
        }  # fmt: skip
        began = time.monotonic()
        found = prepare_database(env)
        print(f"{title}: demo database ready in {time.monotonic() - began:.0f} s", flush=True)
        with gunicorn(env, Path(folder) / "gunicorn.log") as server:
            pages = _chosen(targets(server.port, found), args.only)
            for target in [HEALTHZ, *pages]:
                check_and_warm(server.port, target)
            rows = [measure_page(server, target, args) for target in pages]
        generator = "wrk" if args.generator == "wrk" else "the Python load generator"
        print_table(
            f"{title}: gunicorn, {WORKERS} sync workers; {generator}, {args.connections} "
            f"connections, {args.seconds:g} s a page after {args.baseline_seconds:g} s of "
            "/healthz",
            rows,
        )


def _chosen(pages: list[Target], only: str) -> list[Target]:
    """The pages ``--only`` names (all if it names none); a name no page has stops the run."""
    wanted = {label.strip() for label in only.split(";") if label.strip()}
    unknown = wanted - {page.label for page in pages}
    if unknown:
        labels = "; ".join(page.label for page in pages)
        raise SystemExit(
            f"--only: no page is labelled {', '.join(sorted(unknown))}; the labels are: {labels}"
        )
    return [page for page in pages if not wanted or page.label in wanted]


def measure_page(server: Server, target: Target, args: argparse.Namespace) -> Row:
    """/healthz, then the page, each after the server has caught up with the last run."""
    healthz, healthz_cpu = _run_once(server, HEALTHZ, args, args.baseline_seconds)
    outcome, cpu = _run_once(server, target, args, args.seconds)
    print(f"  measured {target.label}", flush=True)
    return Row(target, outcome, healthz, cpu, healthz_cpu)


def _run_once(
    server: Server, target: Target, args: argparse.Namespace, seconds: float
) -> tuple[Outcome, float]:
    """One load run and the workers' CPU milliseconds per request it completed (read as soon
    as the run ends, before the requests still queued are answered)."""
    run = run_wrk if args.generator == "wrk" else run_python
    before = server_cpu_seconds(server)
    outcome = run(f"http://127.0.0.1:{server.port}", target, args.connections, seconds)
    used = server_cpu_seconds(server) - before
    wait_until_idle(server.port)
    return outcome, 1000 * used / outcome.requests if outcome.requests else float("nan")


def create_postgres_database(url: str) -> None:
    """with-postgres.sh's cluster has only the ``postgres`` database; make the one in ``url``."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def postgres_available() -> bool:
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="load time per page")
    parser.add_argument(
        "--baseline-seconds", type=float, default=3.0, help="/healthz time before each page"
    )
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--database",
        choices=["both", "sqlite", "postgres"],
        default="both",
        help="both: SQLite, then PostgreSQL when its binaries are installed",
    )
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--only", default="", help="page labels separated by ; (all if none)")
    parser.add_argument("--inside-postgres", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generator == "auto":
        args.generator = "wrk" if have_wrk() else "python"
        if args.generator == "python":
            print(WRK_MISSING)
    elif args.generator == "wrk" and not have_wrk():
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    if not 1 <= args.connections <= 1000:
        parser.error("use 1-1000 connections")
    if not all(1 <= seconds <= 120 for seconds in (args.seconds, args.baseline_seconds)):
        parser.error("use 1-120 seconds a run")
    return args


def main() -> None:
    args = _arguments()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if args.inside_postgres:
        create_postgres_database(os.environ["DATABASE_URL"])
        measure({**env, "DATABASE_URL": os.environ["DATABASE_URL"]}, "PostgreSQL", args)
        return
    if args.database in ("both", "sqlite"):
        measure(env, "SQLite", args)
    if args.database in ("both", "postgres"):
        if not postgres_available():
            print("\nPostgreSQL: skipped (no initdb under /usr/lib/postgresql; "
                  "Debian: apt-get install postgresql)")  # fmt: skip
            return
        command = [
            str(ROOT / "scripts" / "with-postgres.sh"), sys.executable, str(Path(__file__)),
            "--inside-postgres", f"--seconds={args.seconds}",
            f"--baseline-seconds={args.baseline_seconds}",
            f"--connections={args.connections}", f"--generator={args.generator}",
            f"--only={args.only}",
        ]  # fmt: skip
        subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=900)


if __name__ == "__main__":
    main()
