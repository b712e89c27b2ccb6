"""Pages measured in one process by CPU time and by counted Python calls, beside ``/healthz``.

Run on demand (never as a timed test)::

    .venv/bin/python benchmarks/pages.py [--repeat 200] [--batches 5] [--only LABEL,...]
                                         [--dump FOLDER] [--profile N [--profile-match RE]]
                                         [--queries] [--database sqlite|postgres]

It builds the same throwaway demo database as ``web.py`` (``migrate``, ``load-demo``,
``load-evidence`` and ``web_fixture.py``'s two questionnaire links) in a temporary folder, with
the server's settings (``MSRELIEF_DEBUG=false``), logs in through the login form as the demo
therapist with Django's test client, checks and warms every page, and then for each page:

* times ``--batches`` batches of ``--repeat`` requests with ``time.process_time()`` (CPU time,
  which other programs' load moves much less than wall-clock time) and keeps the median batch;
* counts the Python function calls of one request with cProfile (deterministic: the same code
  makes the same calls whatever the machine's load);
* counts the database queries of one request.

It prints per page: CPU ms a request, calls, queries, the ratio of ``/healthz``'s CPU time to
the page's (the share issue 8's targets are about) and the target. ``--dump FOLDER`` writes
each page's HTML there with the CSRF token, the submission key and the link tokens masked, to
compare two versions of the code byte for byte (``diff -r``). ``--profile N`` prints each
page's N costliest functions over 50 requests, by own and by cumulative time, to standard
error (with ``--profile-match RE``, only the functions whose file or name match ``RE``, by
cumulative time); ``--queries`` prints each page's SQL there, one line (cut at 160
characters) a query. ``--database postgres`` runs it all on a throwaway PostgreSQL cluster
(``scripts/with-postgres.sh``); the CPU time is then this process's only, not the server's.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from web import (  # noqa: E402
    DEFAULT_RATIO_TARGET,
    RATIO_TARGETS,
    create_postgres_database,
    postgres_available,
    prepare_database,
)

CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
SUBMISSION = re.compile(r'(name="submission" value=")[^"]+(")')
TOKEN = re.compile(r"/q/[A-Za-z0-9_-]{20,}/")


@dataclass(frozen=True)
class Page:
    label: str
    method: str
    path: str
    signed_in: bool = False
    data: dict[str, str] | None = None

    @property
    def expected(self) -> int:
        return 302 if self.method == "POST" else 200


@dataclass(frozen=True)
class Figures:
    page: Page
    cpu_ms: float
    calls: int
    queries: int


def pages(found: dict[str, str]) -> list[Page]:
    read, save = f"/q/{found['read_token']}", f"/q/{found['save_token']}"
    client, study = found["client"], found["study"]
    return [
        Page("healthz", "GET", "/healthz"),
        Page("questionnaire, start", "GET", f"{read}/"),
        Page("questionnaire, one question", "GET", f"{read}/1/"),
        Page("questionnaire, all on one page", "GET", f"{read}/all/"),
        Page("submit: save an answer", "POST", f"{save}/1/", data={"item_1": "1"}),
        Page("clinic dashboard", "GET", "/clients/", signed_in=True),
        Page("client record", "GET", f"/clients/{client}/", signed_in=True),
        Page("client measures", "GET", f"/clients/{client}/measures/", signed_in=True),
        Page("references", "GET", "/evidence/references/"),
        Page("study", "GET", f"/evidence/studies/{study}/"),
        Page("meta-analysis page", "GET", "/evidence/meta/"),
        Page("meta-analysis, BCG example", "GET", "/evidence/meta/?example=bcg"),
    ]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="requests in a timed batch")
    parser.add_argument("--batches", type=int, default=5, help="timed batches (median kept)")
    parser.add_argument("--only", default="", help="labels separated by ; (healthz always)")
    parser.add_argument("--dump", type=Path, default=None, help="write each page's HTML here")
    parser.add_argument(
        "--profile", type=int, default=0, help="print each page's N costliest functions"
    )
    parser.add_argument(
        "--profile-match",
        default="",
        help="with --profile: only functions whose file or name match this regular expression",
    )
    parser.add_argument(
        "--queries", action="store_true", help="print each page's SQL, one line a query"
    )
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgres"],
        default="sqlite",
        help="postgres: on a throwaway cluster made by scripts/with-postgres.sh",
    )
    parser.add_argument("--inside-postgres", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    if args.database == "postgres" and not args.inside_postgres:
        if not postgres_available():
            raise SystemExit("no initdb under /usr/lib/postgresql (Debian: postgresql)")
        command = [str(ROOT / "scripts" / "with-postgres.sh"), sys.executable, *sys.argv]
        raise SystemExit(subprocess.run([*command, "--inside-postgres"], cwd=ROOT).returncode)
    with tempfile.TemporaryDirectory(prefix="msrelief-pages-") as folder:
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        if args.inside_postgres:
            create_postgres_database(os.environ["DATABASE_URL"])
            env["DATABASE_URL"] = os.environ["DATABASE_URL"]
        env.update(
            MSRELIEF_DATA_DIR=folder,
            MSRELIEF_DEBUG="false",
            MSRELIEF_LOG_LEVEL="WARNING",
            DJANGO_SETTINGS_MODULE="msrelief.settings",
        )
        found = prepare_database(env)
        os.environ.clear()
        os.environ.update(env)
        run(args, found)


def run(args: argparse.Namespace, found: dict[str, str]) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous = Client(HTTP_HOST="localhost")
    staff = Client(HTTP_HOST="localhost")
    login = {"username": found["email"], "password": found["password"]}
    if staff.post("/accounts/login/", login).status_code != 302:
        raise SystemExit(f"logging in as {found['email']} failed")
    wanted = {label.strip() for label in args.only.split(";") if label.strip()}
    chosen = [p for p in pages(found) if not wanted or p.label in wanted | {"healthz"}]

    def request_of(page: Page) -> Callable[[], int]:
        browser = staff if page.signed_in else anonymous
        send = browser.post if page.method == "POST" else browser.get

        def once() -> int:
            return send(page.path, page.data or {}).status_code

        return once

    results: list[Figures] = []
    for page in chosen:
        once = request_of(page)
        for _ in range(20):
            if (status := once()) != page.expected:
                raise SystemExit(f"{page.label}: {page.path} answered {status}")
        if args.dump is not None and page.method == "GET":
            _dump(args.dump, page, anonymous if not page.signed_in else staff)
        batches = []
        for _ in range(args.batches):
            started = time.process_time()
            for _ in range(args.repeat):
                once()
            batches.append((time.process_time() - started) * 1000 / args.repeat)
        profile = cProfile.Profile()
        profile.runcall(once)
        stats = pstats.Stats(profile)
        calls = stats.total_calls  # type: ignore[attr-defined]
        if args.profile:
            _profile(page, once, args.profile, args.profile_match)
        with CaptureQueriesContext(connection) as queries:
            once()
        if args.queries:
            print(f"--- {page.label}, its queries", file=sys.stderr)
            for query in queries.captured_queries:
                print(f"  {query['sql'][:160]}", file=sys.stderr)
        results.append(Figures(page, statistics.median(batches), calls, len(queries)))
        print(f"  measured {page.label}", file=sys.stderr, flush=True)
    _print(results, args)


def _profile(page: Page, once: Callable[[], int], lines: int, match: str) -> None:
    """The costliest functions over 50 requests, by their own time and by cumulative time
    (only those whose path or name match ``match``, when it is given)."""
    profile = cProfile.Profile()
    profile.runcall(lambda: [once() for _ in range(50)])
    stats = pstats.Stats(profile, stream=sys.stderr)
    print(f"--- {page.label}, 50 requests", file=sys.stderr)
    if match:
        stats.sort_stats("cumulative").print_stats(match, lines)
        return
    stats.strip_dirs()
    stats.sort_stats("tottime").print_stats(lines)
    stats.sort_stats("cumulative").print_stats(lines)


def _dump(folder: Path, page: Page, browser: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    html = browser.get(page.path).content.decode()  # type: ignore[attr-defined]
    html = TOKEN.sub("/q/TOKEN/", SUBMISSION.sub(r"\1…\2", CSRF.sub(r"\1…\2", html)))
    name = re.sub(r"[^a-z0-9]+", "-", page.label).strip("-")
    (folder / f"{name}.html").write_text(html)


def _print(results: list[Figures], args: argparse.Namespace) -> None:
    healthz = next(r.cpu_ms for r in results if r.page.label == "healthz")
    print(f"{'page':32} {'cpu ms':>7} {'calls':>8} {'queries':>7} {'ratio':>6}  target  verdict")
    for row in results:
        ratio = healthz / row.cpu_ms
        if row.page.label == "healthz":
            print(f"{row.page.label:32} {row.cpu_ms:7.2f} {row.calls:8,} {row.queries:7}")
            continue
        target = RATIO_TARGETS.get(row.page.label, DEFAULT_RATIO_TARGET)
        verdict = "met" if ratio >= target else f"needs <= {healthz / target:.2f} ms"
        print(
            f"{row.page.label:32} {row.cpu_ms:7.2f} {row.calls:8,} {row.queries:7} "
            f"{ratio:6.1%}  >= {target:.0%}  {verdict}"
        )
    print(
        f"cpu ms: CPU time a request in this process (median of {args.batches} batches of "
        f"{args.repeat}); calls: Python calls of one request (cProfile); ratio: /healthz's CPU "
        "time over the page's"
    )


if __name__ == "__main__":
    main()
