"""Concurrency check of the questionnaire pages under gunicorn (run on demand).

    .venv/bin/python benchmarks/concurrency.py                 # SQLite, then PostgreSQL
    .venv/bin/python benchmarks/concurrency.py --db sqlite     # one database only

It makes a throwaway database (SQLite in a temporary folder; PostgreSQL through
``scripts/with-postgres.sh``, which starts and removes a cluster), gives a fictional client
questionnaires through the project's own services, serves the app with gunicorn, and then:

- **submit**: N questionnaires, each sent twice at the same moment (a double click on "Send my
  answers"), all 2N requests at once;
- **page save**: N answers saved at the same moment, eight different questions on each of N/8
  questionnaires (the read-modify-write that used to lose answers);
- **/healthz**: N requests at once to the bare view, the baseline for the latencies.

It prints, per scenario, the requests, server errors (5xx or no answer), answers lost, responses
duplicated, p50/p99 latency and the p50 ratio to /healthz, and exits 1 if anything was lost,
duplicated or failed. It stops by itself (every request has a 60 s timeout).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="submission" value="([^"]+)"')
ITEMS_PER_FORM = 8


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.errors += 0 if ok else 1


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _browser() -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def _request(
    opener: urllib.request.OpenerDirector,
    url: str,
    data: dict[str, str] | None,
    tally: Tally | None,
    ok: tuple[int, ...] = (200, 302),
) -> str:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    started = time.perf_counter()
    status, text = 0, ""
    try:
        with opener.open(url, body, timeout=60) as answer:
            status, text = answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    if tally is not None:
        tally.add(time.perf_counter() - started, status in ok)
    return text


def _all_at_once(calls: list[tuple[object, ...]], tally: Tally) -> None:
    barrier = threading.Barrier(len(calls))

    def run(call: tuple[object, ...]) -> None:
        opener, url, data = call
        barrier.wait()
        _request(opener, url, data, tally)  # type: ignore[arg-type]

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        list(pool.map(run, calls))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _create_postgres_database(url: str) -> None:
    """The throwaway cluster has only its maintenance database: create the one in the URL."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def _setup_django(env: dict[str, str]) -> None:
    if os.environ.get("DATABASE_URL"):
        _create_postgres_database(os.environ["DATABASE_URL"])
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _make_questionnaires(n: int) -> tuple[list[str], list[str]]:
    """Tokens of n questionnaires with every answer given (to submit) and of n/8 untouched
    ones (to save pages into)."""
    from msrelief.accounts.models import Clinic
    from msrelief.instruments import services
    from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record, make_user

    clinic = Clinic.objects.create(name="Benchmark Clinic")
    therapist = make_user("bench@clinic.test", clinic, "therapist")
    person = make_client_record(therapist, display_name="Benchmark Client")
    to_submit = []
    for _ in range(n):
        administration, token = assign(therapist, person)
        services.save_draft(administration, dict(PHQ9_ALL_ZERO), None)
        to_submit.append(token)
    to_fill = [assign(therapist, person)[1] for _ in range(max(1, n // ITEMS_PER_FORM))]
    return to_submit, to_fill


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "msrelief.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "4",
            "--threads",
            "8",
            "--worker-class",
            "gthread",
            "--timeout",
            "90",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),  # a file, not a pipe: a full pipe would stall the server
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start: " + log.read_text()[-2000:])


def _submit(base: str, tokens: list[str]) -> tuple[Tally, int, int]:
    from msrelief.instruments.models import Administration, Response, Status
    from msrelief.instruments.tokens import hash_token

    calls = []
    for token in tokens:
        browser = _browser()
        url = f"{base}/q/{token}/review/"
        page = _request(browser, url, None, None)
        form = {
            "csrfmiddlewaretoken": TOKEN.search(page).group(1),  # type: ignore[union-attr]
            "submission": KEY.search(page).group(1),
        }  # type: ignore[union-attr]
        calls += [(browser, url, form), (browser, url, form)]  # the double click
    tally = Tally()
    _all_at_once(calls, tally)
    hashes = [hash_token(t) for t in tokens]
    done = Administration.objects.filter(token_hash__in=hashes, status=Status.COMPLETED).count()
    responses = Response.objects.filter(administration__token_hash__in=hashes).count()
    return tally, len(tokens) - done, responses - done


def _save_pages(base: str, tokens: list[str]) -> tuple[Tally, int]:
    from msrelief.instruments.models import Administration
    from msrelief.instruments.tokens import hash_token

    calls = []
    for token in tokens:
        for number in range(1, ITEMS_PER_FORM + 1):
            browser = _browser()
            url = f"{base}/q/{token}/{number}/"
            page = _request(browser, url, None, None)
            csrf = TOKEN.search(page).group(1)  # type: ignore[union-attr]
            calls.append((browser, url, {"csrfmiddlewaretoken": csrf, f"item_{number}": "1"}))
    tally = Tally()
    _all_at_once(calls, tally)
    kept = sum(
        len(a.draft)
        for a in Administration.objects.filter(token_hash__in=[hash_token(t) for t in tokens])
    )
    return tally, len(calls) - kept


def _healthz(base: str, n: int) -> Tally:
    tally = Tally()
    _all_at_once([(_browser(), f"{base}/healthz", None) for _ in range(n)], tally)
    return tally


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_one(label: str, n: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="msrelief-concurrency-") as folder:
        env = {
            "MSRELIEF_DATA_DIR": folder,
            "MSRELIEF_TASKS": "database",
            "MSRELIEF_EMAIL_BACKEND": "console",
            "MSRELIEF_LOG_LEVEL": "WARNING",
        }
        _setup_django(env)
        to_submit, to_fill = _make_questionnaires(n)
        port = _free_port()
        log = Path(folder) / "gunicorn.log"
        server = _serve(env, port, log)
        base = f"http://127.0.0.1:{port}"
        try:
            baseline = _healthz(base, n)
            submitted, lost_submits, duplicated = _submit(base, to_submit)
            saved, lost_answers = _save_pages(base, to_fill)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        failures = log.read_text().count("Traceback")
    base_p50 = statistics.median(baseline.latencies)
    print(
        f"\n{label}: {n} at once, gunicorn 4 workers x 8 threads; "
        f"{failures} tracebacks in the server log"
    )
    print(
        f"{'scenario':<26}{'requests':>9}{'errors':>8}{'lost':>6}{'dup':>5}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'p50/healthz':>13}"
    )
    rows = [
        ("/healthz (baseline)", baseline, 0, 0),
        (f"submit ({n}, each twice)", submitted, lost_submits, duplicated),
        (f"page save ({len(to_fill)} x {ITEMS_PER_FORM})", saved, lost_answers, 0),
    ]
    for name, tally, lost, dup in rows:
        ratio = statistics.median(tally.latencies) / base_p50
        print(
            f"{name:<26}{len(tally.latencies):>9}{tally.errors:>8}{lost:>6}{dup:>5}"
            f"{_ms(tally.latencies, 0.5):>9.0f}{_ms(tally.latencies, 0.99):>9.0f}{ratio:>13.1f}"
        )
    return all(t.errors == 0 for _, t, _, _ in rows) and not (
        lost_submits or duplicated or lost_answers
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("-n", type=int, default=200, help="requests at once (default 200)")
    args = parser.parse_args()
    ok = True
    if args.db == "postgres" or (args.db == "both" and os.environ.get("DATABASE_URL")):
        ok = run_one("PostgreSQL", args.n)
    elif args.db == "sqlite":
        ok = run_one("SQLite", args.n)
    else:
        # SQLite here, then PostgreSQL in a fresh process on a throwaway cluster.
        ok = subprocess.call([sys.executable, __file__, "--db", "sqlite", "-n", str(args.n)]) == 0
        postgres = subprocess.call(
            [
                str(ROOT / "scripts" / "with-postgres.sh"),
                sys.executable,
                __file__,
                "--db",
                "postgres",
                "-n",
                str(args.n),
            ]
        )
        ok = ok and postgres == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
