"""Crash test: questionnaire submissions survive the server being killed mid-way (run on demand).

    .venv/bin/python benchmarks/crash.py [-n 500] [--threads 16] [--seed N]
                                         [--database both|sqlite|postgres]

For each database (SQLite in a temporary folder; PostgreSQL, when its binaries are installed, on
a throwaway cluster made by ``scripts/with-postgres.sh``) it migrates a fresh database, loads the
demo data, gives the demo clinic's clients ``n`` open questionnaire links through the instruments
service, and starts gunicorn (2 workers x 4 threads) in its own process group. ``--threads``
browsers then fill in and send the questionnaires at the same time (crash_browser.py: open,
answer, review, send). Once a random 30-70 % of them have been acknowledged (a redirect to the
thank-you page), the whole process group is killed with SIGKILL: no worker gets to finish a
request or close a transaction. gunicorn is started again on the same port and every
questionnaire that was not acknowledged is resumed at the request that got no answer, with the
same cookies and form data (the submission key included), as a browser's retry would. Then the
database must show 0 lost acknowledged (each acknowledged submission has its response), 0
duplicated (no questionnaire has two responses) and 0 partial (every response has its score
and its audit event and holds exactly the answers sent, every questionnaire marked submitted has
its response, the audit trail's hash chain is intact, SQLite's integrity check says ok).

It prints the figures and exits 1 if any is not 0, a questionnaire could not be sent at all, or
the server logged a traceback.
Bounded: every request has a 60 s timeout and the retries are at most three rounds; 500
questionnaires take about a minute a database on a shared 2-core machine. Nothing outside the
temporary folders is written; everything it starts is stopped.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from crash_browser import STEPS, Link, Unanswered, advance
from web import _free_port, _request, _run, create_postgres_database, postgres_available

ROOT = Path(__file__).resolve().parent.parent
WORKERS, THREADS = 2, 4
RETRY_ROUNDS = 3


def _start(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """gunicorn in a process group of its own (so that one signal reaches every worker)."""
    command = [
        sys.executable, "-m", "gunicorn", "msrelief.wsgi:application",
        f"--workers={WORKERS}", f"--threads={THREADS}", "--worker-class=gthread",
        f"--bind=127.0.0.1:{port}", "--log-level=warning", "--timeout=60",
    ]  # fmt: skip
    with log.open("a") as output:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped before it served a request: {log}")
        try:
            if _request(port, "GET", "/healthz").status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    _kill(server)
    raise SystemExit("gunicorn did not answer /healthz within 90 seconds")


def _kill(server: subprocess.Popen[bytes]) -> None:
    """SIGKILL to gunicorn's whole process group, then wait until none of it is left."""
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    server.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(server.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise SystemExit("gunicorn's workers outlived SIGKILL")


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        _kill(server)


def _submit_until_killed(
    base: str, links: list[Link], server: subprocess.Popen[bytes], kill_after: int, threads: int
) -> float:
    """Send every link from ``threads`` threads; SIGKILL the server once ``kill_after`` are
    acknowledged. Returns the time of the kill (monotonic)."""
    lock, killed, acked = threading.Lock(), threading.Event(), [0]
    killed_at = [0.0]

    def one(link: Link) -> None:
        if killed.is_set():
            return  # not started before the crash: sent after the restart
        try:
            advance(base, link)
        except Unanswered:
            return
        with lock:
            acked[0] += link.acknowledged
            if acked[0] >= kill_after and not killed.is_set():
                killed.set()
                killed_at[0] = time.monotonic()
                _kill(server)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one, links))
    if not killed.is_set():  # every link done before the threshold: cannot happen, but say so
        raise SystemExit("all questionnaires were acknowledged before the kill")
    return killed_at[0]


def _retry(base: str, links: list[Link], threads: int) -> int:
    """Resume every unacknowledged link where it stopped; returns the rounds used."""
    for attempt in range(1, RETRY_ROUNDS + 1):
        waiting = [link for link in links if link.pending]
        if not waiting:
            return attempt - 1

        def one(link: Link) -> None:
            with contextlib.suppress(Unanswered):  # left for the next round
                advance(base, link)

        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(one, waiting))
    return RETRY_ROUNDS


def run_one(title: str, env: dict[str, str], args: argparse.Namespace, seed: int) -> bool:
    from crash_checks import check, completed_among, give_out_links, sqlite_integrity

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="msrelief-crash-") as folder:
        env = {
            **env, "MSRELIEF_DATA_DIR": folder, "MSRELIEF_DEBUG": "false",
            "MSRELIEF_LOG_LEVEL": "WARNING", "MSRELIEF_TASKS": "database",
            "MSRELIEF_EMAIL_BACKEND": "console", "DJANGO_SETTINGS_MODULE": "msrelief.settings",
        }  # fmt: skip
        began = time.monotonic()
        cli = [sys.executable, "-m", "msrelief.cli"]
        _run([*cli, "migrate", "--no-input", "-v", "0"], env)
        _run([*cli, "load-demo"], env)
        os.environ.update(env)
        import django
        from django.db import connections

        django.setup()
        tokens = give_out_links(args.n)
        connections.close_all()
        links = [Link(token, rng.randrange(2**32)) for token in tokens]
        kill_after = round(args.n * rng.uniform(0.30, 0.70))
        print(f"{title}: {args.n} links ready in {time.monotonic() - began:.0f} s", flush=True)

        port, log = _free_port(), Path(folder) / "gunicorn.log"
        base = f"http://127.0.0.1:{port}"
        server = _start(env, port, log)
        sending = time.monotonic()
        try:
            killed_at = _submit_until_killed(base, links, server, kill_after, args.threads)
        finally:
            _kill(server)
        acked_before = sum(link.acknowledged for link in links)
        in_flight = Counter(link.unanswered_at[0] for link in links if link.unanswered_at)
        unacked_sends = [link.token for link in links if "send" in link.unanswered_at]
        stored_unacked = completed_among(unacked_sends)
        connections.close_all()

        restarted = time.monotonic()
        server = _start(env, port, log)
        try:
            rounds = _retry(base, links, args.threads)
        finally:
            _stop(server)
        finished = time.monotonic()
        acknowledged = {link.token for link in links if link.acknowledged}
        found = check({link.token: link.answers for link in links}, acknowledged)
        integrity = sqlite_integrity()
        connections.close_all()
        tracebacks = log.read_text().count("Traceback")

    never = [link for link in links if not link.acknowledged]
    print(f"\n{title}: gunicorn {WORKERS} workers x {THREADS} threads, {args.threads} browsers")
    print(f"  killed (SIGKILL, whole process group) after {acked_before} of {args.n} acknowledged")
    print(f"    ({killed_at - sending:.1f} s into sending; the threshold was {kill_after})")
    print("  requests without an answer at the kill: " + _steps(in_flight))
    print(f"    of the {len(unacked_sends)} sends among them, {stored_unacked} had been stored")
    print(f"  restart and retries: {finished - restarted:.1f} s, {rounds} round(s)")
    print(f"  acknowledged in the end: {len(acknowledged)} of {args.n}")
    rows = [
        ("lost acknowledged", found.lost_acknowledged),
        ("duplicated", found.duplicated),
        ("partial", found.partial),
        ("  responses without a score", found.without_score),
        ("  submitted questionnaires without a response", found.completed_without_response),
        ("  responses whose answers differ from those sent", found.answers_differ),
        ("  responses without their audit event", found.without_audit_event),
        ("  audit trail hash chain", found.audit_chain),
    ]
    if integrity:
        rows.append(("  SQLite integrity check", integrity))
    for label, value in rows:
        print(f"  {label:<50}{value}")
    print(f"  server tracebacks in the log: {tracebacks}")
    for link in never[:5]:
        print(f"  not sent: {link.refused or 'no answer at ' + link.unanswered_at[-1]}")
    return (
        not never
        and found.lost_acknowledged == 0
        and found.duplicated == 0
        and found.partial == 0
        and integrity in ("", "ok")
        and tracebacks == 0
    )


def _steps(counts: Counter[str]) -> str:
    return ", ".join(f"{counts[step]} at {step}" for step in STEPS) + f" ({sum(counts.values())})"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=500, help="questionnaires (default 500)")
    parser.add_argument("--threads", type=int, default=16, help="browsers at once (default 16)")
    parser.add_argument("--seed", type=int, help="random seed (default: a new one, printed)")
    parser.add_argument(
        "--database",
        choices=["both", "sqlite", "postgres"],
        default="both",
        help="both: SQLite, then PostgreSQL when its binaries are installed",
    )
    parser.add_argument("--inside-postgres", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 10 <= args.n <= 5000:
        parser.error("use 10-5000 questionnaires")
    if not 1 <= args.threads <= 200:
        parser.error("use 1-200 threads")
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(10**6)
    return args


def main() -> None:
    args = _arguments()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if args.inside_postgres:
        create_postgres_database(os.environ["DATABASE_URL"])
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
        sys.exit(0 if run_one("PostgreSQL", env, args, args.seed) else 1)
    print(f"seed {args.seed} (--seed {args.seed} repeats the choices)")
    ok = True
    if args.database in ("both", "sqlite"):
        ok = run_one("SQLite", env, args, args.seed)
    if args.database in ("both", "postgres"):
        if not postgres_available():
            print("\nPostgreSQL: skipped (no initdb under /usr/lib/postgresql; "
                  "Debian: apt-get install postgresql)")  # fmt: skip
        else:
            command = [
                str(ROOT / "scripts" / "with-postgres.sh"), sys.executable, str(Path(__file__)),
                "--inside-postgres", f"-n={args.n}", f"--threads={args.threads}",
                f"--seed={args.seed}",
            ]  # fmt: skip
            done = subprocess.run(command, cwd=ROOT, env=env, check=False, timeout=1800)
            ok = ok and done.returncode == 0
    print("\ncrash test: " + ("passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
