"""Start-up benchmark of the ``msrelief`` command, beside ``python -c pass``.

Run on demand (never as a timed test)::

    .venv/bin/python benchmarks/cli.py [--repeat 7]

It times, as whole processes (best of ``--repeat`` runs, after one unmeasured run):

* ``python -c pass``, the floor every Python command pays,
* ``msrelief score phq9 ANSWERS.json``,
* ``msrelief meta BCG.csv --measure RR`` (metafor's BCG trials, REML),
* ``msrelief screen SCREEN.json`` (the safety screen, with a few rules firing),
* ``msrelief cite naderi2024`` (against a throwaway SQLite evidence database that it builds
  first in a temporary folder with ``migrate`` and ``load-evidence``, about 5 seconds),
* ``msrelief help``, the cost of starting Django's own command-line machinery,

and prints each time in seconds, its ratio to ``python -c pass`` and whether it is under the
0.5 s goal of the pure commands. Every command must succeed; a failure stops the benchmark.
Takes about 15 seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from msrelief.stats.examples import bcg_csv

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 0.5
PHQ9 = {"1": 1, "2": 2, "3": 0, "4": 1, "5": 0, "6": 0, "7": 1, "8": 0, "9": 0}
SCREEN = {"date": "2025-06-10", "heat_sensitive": True, "falls_last_year": 1, "dvt_signs": True}


def _msrelief() -> list[str]:
    script = Path(sys.executable).with_name("msrelief")
    return [str(script)] if script.exists() else [sys.executable, "-m", "msrelief.cli"]


def _run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr or done.stdout}")
    return elapsed


def best_of(command: list[str], env: dict[str, str], repeat: int) -> float:
    _run(command, env)  # file-system caches warm, .pyc files written
    return min(_run(command, env) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per command (best is kept)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 50:
        parser.error("--repeat must be 1-50")
    msrelief = _msrelief()
    with tempfile.TemporaryDirectory(prefix="msrelief-cli-bench-") as folder:
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        env["MSRELIEF_DATA_DIR"] = folder
        answers, studies = Path(folder) / "answers.json", Path(folder) / "bcg.csv"
        answers.write_text(json.dumps(PHQ9), encoding="utf-8")
        screen = Path(folder) / "screen.json"
        screen.write_text(json.dumps(SCREEN), encoding="utf-8")
        studies.write_text(bcg_csv(), encoding="utf-8")
        _run([*msrelief, "migrate", "--no-input", "-v", "0"], env)
        _run([*msrelief, "load-evidence"], env)
        cases = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "msrelief score phq9 FILE": [*msrelief, "score", "phq9", str(answers)],
            "msrelief meta FILE --measure RR": [*msrelief, "meta", str(studies), "--measure", "RR"],
            "msrelief screen FILE": [*msrelief, "screen", str(screen)],
            "msrelief cite naderi2024": [*msrelief, "cite", "naderi2024"],
            "msrelief help": [*msrelief, "help"],
        }
        times = {name: best_of(command, env, args.repeat) for name, command in cases.items()}
    baseline = times["python -c pass (baseline)"]
    print(f"best of {args.repeat} runs each; goal for the short-way commands: < {GOAL_SECONDS} s")
    print(f"{'command':<34} {'seconds':>8} {'x pass':>8}  goal")
    for name, seconds in times.items():
        goal = ""
        if name.split()[1:2] and name.split()[1] in ("score", "meta", "screen", "cite"):
            goal = "met" if seconds < GOAL_SECONDS else "MISSED"
        print(f"{name:<34} {seconds:8.3f} {seconds / baseline:8.1f}  {goal}")


if __name__ == "__main__":
    main()
